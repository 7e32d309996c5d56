package io.meridian.console.userdata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One console per user and machine: two consoles would fight over the preferences file and confuse an operator
 * about which window is live. The first instance holds a lock on {@code console.lock} in the state directory and
 * answers "focus" requests on a loopback socket whose port it writes to {@code console.instance}; a second instance
 * asks the first to come to the front and then stops with {@link AlreadyRunning}.
 */
public final class SingleInstance implements AutoCloseable {
    static final String LOCK = "console.lock";
    static final String INSTANCE = "console.instance";
    private static final String FOCUS = "focus";
    private static final int PING_TIMEOUT_MILLIS = 2_000;

    private final FileChannel channel;
    private final FileLock lock;
    private final ServerSocket socket;
    private final Path instanceFile;

    private SingleInstance(FileChannel channel, FileLock lock, ServerSocket socket, Path instanceFile) {
        this.channel = channel;
        this.lock = lock;
        this.socket = socket;
        this.instanceFile = instanceFile;
    }

    /**
     * Becomes the one running console, or tells the running one to come to the front.
     *
     * @param onFocus run on a background thread when another instance asks this one to show itself
     * @throws AlreadyRunning when another console holds the lock; its message says whether it was brought forward
     */
    public static SingleInstance acquire(Path stateDirectory, Runnable onFocus)
            throws AlreadyRunning, UserDataException {
        var lockFile = stateDirectory.resolve(LOCK);
        var instanceFile = stateDirectory.resolve(INSTANCE);
        FileChannel channel;
        try {
            channel = PrivateFiles.openForLocking(lockFile);
        } catch (IOException e) {
            throw new UserDataException("cannot open the lock file " + lockFile + " (" + PrivateFiles.reason(e)
                    + ")", e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (IOException | OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            close(channel);
            throw askToFocus(instanceFile, lockFile);
        }
        try {
            var socket = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
            PrivateFiles.write(instanceFile, (ProcessHandle.current().pid() + " " + socket.getLocalPort() + "\n")
                    .getBytes(StandardCharsets.US_ASCII));
            var instance = new SingleInstance(channel, lock, socket, instanceFile);
            Thread.ofPlatform().daemon().name("meridian-single-instance").start(() -> instance.serve(onFocus));
            return instance;
        } catch (IOException e) {
            close(channel);
            throw new UserDataException("cannot publish this console in " + instanceFile + " ("
                    + PrivateFiles.reason(e) + ")", e);
        }
    }

    private void serve(Runnable onFocus) {
        while (!socket.isClosed()) {
            try (var client = socket.accept()) {
                client.setSoTimeout(PING_TIMEOUT_MILLIS);
                var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                if (FOCUS.equals(in.readLine())) {
                    onFocus.run();
                    Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII);
                    out.write("ok\n");
                    out.flush();
                }
            } catch (IOException e) {
                // A caller that went away or a closed socket: nothing to answer; the loop ends once closed.
            }
        }
    }

    /** Asks the running console to show itself; the exception's message for the user says what happened. */
    private static AlreadyRunning askToFocus(Path instanceFile, Path lockFile) {
        String[] fields;
        try {
            fields = Files.readString(instanceFile, StandardCharsets.US_ASCII).strip().split(" ");
        } catch (IOException e) {
            return new AlreadyRunning("another Meridian console is starting or running (it holds " + lockFile + ")",
                    false);
        }
        var who = "another Meridian console (process " + fields[0] + ")";
        try (var client = new Socket()) {
            client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(fields[1])),
                    PING_TIMEOUT_MILLIS);
            client.setSoTimeout(PING_TIMEOUT_MILLIS);
            client.getOutputStream().write((FOCUS + "\n").getBytes(StandardCharsets.US_ASCII));
            client.getOutputStream().flush();
            var answer = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            if ("ok".equals(answer)) {
                return new AlreadyRunning(who + " is already running; its window was brought to the front", true);
            }
            return new AlreadyRunning(who + " is already running but did not confirm the request to come to the front",
                    false);
        } catch (SocketTimeoutException e) {
            return new AlreadyRunning(who + " is already running but did not answer within " + PING_TIMEOUT_MILLIS
                    + " ms", false);
        } catch (IOException | NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return new AlreadyRunning(who + " is already running but cannot be reached (" + instanceFile + ": "
                    + e.getMessage() + ")", false);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
            Files.deleteIfExists(instanceFile);
            lock.release();
        } catch (IOException e) {
            // The process is ending; the operating system releases the lock and the socket anyway.
        } finally {
            close(channel);
        }
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Closing a lock file's channel has nothing to report to the user.
        }
    }

    /** Another console holds the lock; the message says what was done about it, for the user as is. */
    public static final class AlreadyRunning extends Exception {
        private final boolean focused;

        AlreadyRunning(String message, boolean focused) {
            super(message);
            this.focused = focused;
        }

        /** Whether the running console confirmed that it came to the front (the user's request is then served). */
        public boolean focused() {
            return focused;
        }
    }
}
