package io.meridian.server.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The audit log's append-only store on disk. Entries go into segment files ({@code <first index, 20 digits>.seg}:
 * a 16-byte header {@code "MRDNAUD1" || u64 first index}, then records {@code u32 length || u32 CRC-32C(payload) ||
 * payload}). An append returns only after the records and, for a new segment, the directory entry are forced to disk,
 * so an acknowledged entry survives a crash. Opening recovers: it reads every record, and cuts a torn tail (a record
 * cut short or failing its checksum at the very end of the last segment); any other damage is refused.
 *
 * <p>Memory: one int offset per entry (4 MB per million). Reads may run concurrently with appends.
 */
public final class SegmentStore implements AutoCloseable {
    static final byte[] MAGIC = {'M', 'R', 'D', 'N', 'A', 'U', 'D', '1'};
    static final int HEADER = 16;
    static final int RECORD_HEADER = 8;
    /** Largest payload a record may carry; anything larger in a length field is damage. */
    public static final int MAX_RECORD = 1 << 20;

    private final Path directory;
    private final long maxSegmentBytes;
    private final List<Segment> segments = new ArrayList<>();
    private final StoreRecovery recovery;
    private volatile long size;

    /** One segment file: its channel, its first index and the offset of each record. */
    private static final class Segment {
        final Path file;
        final FileChannel channel;
        final long first;
        int[] offsets = new int[1024];
        int count;
        long end;

        Segment(Path file, FileChannel channel, long first, long end) {
            this.file = file;
            this.channel = channel;
            this.first = first;
            this.end = end;
        }

        void add(long offset) {
            if (count == offsets.length) {
                offsets = Arrays.copyOf(offsets, count * 2);
            }
            offsets[count++] = (int) offset;
        }
    }

    private SegmentStore(Path directory, long maxSegmentBytes, StoreRecovery recovery) {
        this.directory = directory;
        this.maxSegmentBytes = maxSegmentBytes;
        this.recovery = recovery;
    }

    /**
     * Opens (creating when needed) the store in {@code directory}, recovering from a crash.
     *
     * @param maxSegmentBytes a segment is closed and a new one started beyond this size (at most 2 GiB)
     * @throws StoreCorruptedException on damage that a crash cannot have caused
     */
    public static SegmentStore open(Path directory, long maxSegmentBytes) throws IOException {
        if (maxSegmentBytes < HEADER + RECORD_HEADER + 1 || maxSegmentBytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("segment size must be between 25 bytes and 2 GiB, was "
                    + maxSegmentBytes);
        }
        Files.createDirectories(directory);
        List<Path> files;
        try (Stream<Path> list = Files.list(directory)) {
            files = list.filter(p -> p.getFileName().toString().matches("[0-9]{20}\\.seg")).sorted().toList();
        }
        var opened = new ArrayList<Segment>();
        long truncated = 0;
        long expectedFirst = 0;
        try {
            for (int i = 0; i < files.size(); i++) {
                boolean last = i == files.size() - 1;
                var segment = openSegment(files.get(i), last);
                opened.add(segment);
                if (segment.first != expectedFirst) {
                    throw new StoreCorruptedException(segment.file, -1, "starts at entry " + segment.first
                            + ", expected " + expectedFirst);
                }
                truncated += recover(segment, last);
                expectedFirst = segment.first + segment.count;
            }
        } catch (IOException | RuntimeException e) {
            for (var segment : opened) {
                segment.channel.close();
            }
            throw e;
        }
        var store = new SegmentStore(directory, maxSegmentBytes, new StoreRecovery(expectedFirst, opened.size(),
                truncated));
        store.segments.addAll(opened);
        store.size = expectedFirst;
        return store;
    }

    private static Segment openSegment(Path file, boolean last) throws IOException {
        var channel = last
                ? FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)
                : FileChannel.open(file, StandardOpenOption.READ);
        var header = ByteBuffer.allocate(HEADER);
        readFully(channel, header, 0);
        if (header.position() < HEADER || !Arrays.equals(Arrays.copyOf(header.array(), MAGIC.length), MAGIC)) {
            channel.close();
            throw new StoreCorruptedException(file, 0, "not a Meridian audit segment (bad header)");
        }
        long first = header.getLong(MAGIC.length);
        long named = Long.parseLong(file.getFileName().toString().substring(0, 20));
        if (first != named) {
            channel.close();
            throw new StoreCorruptedException(file, MAGIC.length, "header says first entry " + first);
        }
        return new Segment(file, channel, first, HEADER);
    }

    /** Reads every record of {@code segment}; cuts a torn tail of the last one. Returns bytes cut. */
    private static long recover(Segment segment, boolean last) throws IOException {
        long fileSize = segment.channel.size();
        var header = ByteBuffer.allocate(RECORD_HEADER);
        long at = HEADER;
        while (at < fileSize) {
            String problem = null;
            header.clear();
            readFully(segment.channel, header, at);
            int length = header.getInt(0);
            if (header.position() < RECORD_HEADER) {
                problem = "record header cut short";
            } else if (length <= 0 || length > MAX_RECORD) {
                problem = "record length " + length + " out of range";
            } else if (at + RECORD_HEADER + length > fileSize) {
                problem = "record of " + length + " bytes cut short";
            } else {
                var payload = ByteBuffer.allocate(length);
                readFully(segment.channel, payload, at + RECORD_HEADER);
                if (crc(payload.array()) != header.getInt(4)) {
                    problem = "record checksum does not match";
                }
            }
            if (problem != null) {
                if (!last) {
                    throw new StoreCorruptedException(segment.file, at, problem + " in a closed segment");
                }
                segment.channel.truncate(at);
                segment.channel.force(true);
                segment.end = at;
                return fileSize - at;
            }
            segment.add(at);
            at += RECORD_HEADER + length;
        }
        segment.end = at;
        return 0;
    }

    /** What opening found. */
    public StoreRecovery recovery() {
        return recovery;
    }

    /** Number of entries stored (and acknowledged). */
    public long size() {
        return size;
    }

    /**
     * Appends {@code entries} in order and forces them to disk before returning.
     *
     * @return the index of the first appended entry
     */
    public synchronized long append(List<byte[]> entries) throws IOException {
        long first = size;
        for (byte[] entry : entries) {
            if (entry.length == 0 || entry.length > MAX_RECORD) {
                throw new IllegalArgumentException("an entry must have 1.." + MAX_RECORD + " bytes, has "
                        + entry.length);
            }
        }
        int i = 0;
        while (i < entries.size()) {
            var segment = writableSegment(first + i, RECORD_HEADER + entries.get(i).length);
            long room = maxSegmentBytes - segment.end;
            int batchBytes = 0;
            int j = i;
            do {
                batchBytes += RECORD_HEADER + entries.get(j).length;
                j++;
            } while (j < entries.size() && batchBytes + RECORD_HEADER + entries.get(j).length <= room);
            var buffer = ByteBuffer.allocate(batchBytes);
            long at = segment.end;
            var offsets = new long[j - i];
            for (int k = i; k < j; k++) {
                offsets[k - i] = at + buffer.position();
                buffer.putInt(entries.get(k).length).putInt(crc(entries.get(k))).put(entries.get(k));
            }
            buffer.flip();
            while (buffer.hasRemaining()) {
                segment.channel.write(buffer, at + buffer.position());
            }
            segment.channel.force(false);
            for (long offset : offsets) {
                segment.add(offset);
            }
            segment.end = at + batchBytes;
            i = j;
        }
        size = first + entries.size();
        return first;
    }

    public long append(byte[] entry) throws IOException {
        return append(List.of(entry));
    }

    /**
     * The current segment if {@code recordBytes} fit, else a new one starting at entry {@code index} (the first record
     * of a segment always fits).
     */
    private Segment writableSegment(long index, int recordBytes) throws IOException {
        if (!segments.isEmpty()) {
            var current = segments.getLast();
            if (current.end + recordBytes <= maxSegmentBytes || current.count == 0) {
                return current;
            }
            current.channel.force(true);
        }
        Path file = directory.resolve(String.format("%020d.seg", index));
        var channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        var header = ByteBuffer.allocate(HEADER).put(MAGIC).putLong(index).flip();
        while (header.hasRemaining()) {
            channel.write(header, header.position());
        }
        channel.force(true);
        try (var dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
        var segment = new Segment(file, channel, index, HEADER);
        segments.add(segment);
        return segment;
    }

    /** The bytes of entry {@code index}. */
    public byte[] read(long index) throws IOException {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("entry " + index + " is not in a store of " + size);
        }
        Segment segment;
        synchronized (this) {
            segment = segmentOf(index);
        }
        long at = segment.offsets[(int) (index - segment.first)];
        var header = ByteBuffer.allocate(RECORD_HEADER);
        readFully(segment.channel, header, at);
        var payload = ByteBuffer.allocate(header.getInt(0));
        readFully(segment.channel, payload, at + RECORD_HEADER);
        if (crc(payload.array()) != header.getInt(4)) {
            throw new StoreCorruptedException(segment.file, at, "record of entry " + index + " fails its checksum");
        }
        return payload.array();
    }

    private Segment segmentOf(long index) {
        int lo = 0;
        int hi = segments.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (segments.get(mid).first <= index) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return segments.get(lo);
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position + buffer.position());
            if (n < 0) {
                return;
            }
        }
    }

    static int crc(byte[] bytes) {
        var crc = new CRC32C();
        crc.update(bytes);
        return (int) crc.getValue();
    }

    @Override
    public synchronized void close() throws IOException {
        for (var segment : segments) {
            segment.channel.close();
        }
    }
}
