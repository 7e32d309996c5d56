package io.meridian.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM that appends to a store (SIGKILL, at a random moment), again and again on the same directory, and
 * demands after each kill that the store opens, holds every entry the child had acknowledged, and holds them intact.
 */
class SegmentStoreCrashTest {
    private static final int ROUNDS = 8;
    private static final long SEGMENT_BYTES = 64 * 1024;

    @Test
    void neverLosesAnAcknowledgedEntryWhenKilledMidWrite(@TempDir Path dir) throws Exception {
        var random = new Random(25);
        String java = ProcessHandle.current().info().command().orElse("java");
        long total = 0;
        for (int round = 0; round < ROUNDS; round++) {
            var child = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                    CrashingAppender.class.getName(), dir.toString(), Long.toString(SEGMENT_BYTES)))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            var acked = new AtomicLong(-1);
            var reader = Thread.ofPlatform().start(() -> {
                try (var in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        acked.set(Long.parseLong(line.strip()));
                    }
                } catch (java.io.IOException e) {
                    // The pipe breaks when the child is killed; what was read is what counts.
                }
            });
            while (acked.get() < total && child.isAlive()) {
                Thread.sleep(5);
            }
            assertThat(child.isAlive()).as("the appender runs until killed").isTrue();
            Thread.sleep(50 + random.nextInt(400));
            child.destroyForcibly();
            child.waitFor();
            reader.join();
            long lastAcked = acked.get();
            try (var store = SegmentStore.open(dir, SEGMENT_BYTES)) {
                assertThat(store.size()).as("round %d: acknowledged up to %d", round, lastAcked)
                        .isGreaterThan(lastAcked);
                for (long i = 0; i < store.size(); i++) {
                    assertThat(store.read(i)).as("round %d entry %d", round, i).isEqualTo(SegmentStoreTest.entry(i));
                }
                total = store.size();
            }
        }
        assertThat(total).isGreaterThan(ROUNDS);
    }
}
