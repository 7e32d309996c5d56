package io.meridian.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentStoreTest {
    static byte[] entry(long i) {
        return ("entry " + i + ";").repeat(1 + (int) (i % 23)).getBytes(StandardCharsets.UTF_8);
    }

    private static List<byte[]> entries(long from, long to) {
        var list = new ArrayList<byte[]>();
        for (long i = from; i < to; i++) {
            list.add(entry(i));
        }
        return list;
    }

    private static void assertHolds(SegmentStore store, long count) throws Exception {
        assertThat(store.size()).isEqualTo(count);
        for (long i = 0; i < count; i++) {
            assertThat(store.read(i)).as("entry %d", i).isEqualTo(entry(i));
        }
    }

    private static List<Path> segmentFiles(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    @Test
    void appendsReadsAndReopensAcrossSegments(@TempDir Path dir) throws Exception {
        try (var store = SegmentStore.open(dir, 1_000)) {
            assertThat(store.append(entries(0, 50))).isZero();
            for (long i = 50; i < 120; i++) {
                assertThat(store.append(entry(i))).isEqualTo(i);
            }
            assertHolds(store, 120);
        }
        assertThat(segmentFiles(dir).size()).isGreaterThan(5);
        try (var store = SegmentStore.open(dir, 1_000)) {
            assertThat(store.recovery()).isEqualTo(new StoreRecovery(120, segmentFiles(dir).size(), 0));
            assertHolds(store, 120);
            store.append(entries(120, 130));
            assertHolds(store, 130);
        }
    }

    @Test
    void cutsATornTailAtEveryPossibleByte(@TempDir Path base) throws Exception {
        Path original = base.resolve("original");
        try (var store = SegmentStore.open(original, 1 << 20)) {
            store.append(entries(0, 10));
        }
        Path segment = segmentFiles(original).getFirst();
        byte[] full = Files.readAllBytes(segment);
        int lastRecord = full.length - (SegmentStore.RECORD_HEADER + entry(9).length);
        for (int cut = lastRecord; cut < full.length; cut++) {
            Path dir = Files.createDirectories(base.resolve("cut-" + cut));
            Files.write(dir.resolve(segment.getFileName()), java.util.Arrays.copyOf(full, cut));
            try (var store = SegmentStore.open(dir, 1 << 20)) {
                assertThat(store.recovery().truncatedBytes()).isEqualTo(cut - lastRecord);
                assertHolds(store, 9);
                store.append(entry(9));
            }
            try (var store = SegmentStore.open(dir, 1 << 20)) {
                assertHolds(store, 10);
            }
        }
    }

    @Test
    void cutsGarbageAndABadChecksumAtTheTail(@TempDir Path dir) throws Exception {
        try (var store = SegmentStore.open(dir, 1 << 20)) {
            store.append(entries(0, 5));
        }
        Path segment = segmentFiles(dir).getFirst();
        long size = Files.size(segment);
        Files.write(segment, new byte[] {0, 0, 0, 9, 1, 2, 3, 4, 'x', 'y'}, StandardOpenOption.APPEND);
        try (var store = SegmentStore.open(dir, 1 << 20)) {
            assertThat(store.recovery().truncatedBytes()).isEqualTo(10);
            assertHolds(store, 5);
        }
        assertThat(Files.size(segment)).isEqualTo(size);
        flipLastByte(segment);
        try (var store = SegmentStore.open(dir, 1 << 20)) {
            assertHolds(store, 4);
        }
    }

    @Test
    void refusesDamageACrashCannotCause(@TempDir Path dir) throws Exception {
        try (var store = SegmentStore.open(dir, 300)) {
            store.append(entries(0, 40));
        }
        var files = segmentFiles(dir);
        assertThat(files.size()).isGreaterThan(2);
        flipLastByte(files.getFirst());
        assertThatThrownBy(() -> SegmentStore.open(dir, 300)).isInstanceOf(StoreCorruptedException.class)
                .hasMessageContaining(files.getFirst().getFileName().toString());
        flipLastByte(files.getFirst());
        Files.move(files.get(1), dir.resolve("moved-away"));
        assertThatThrownBy(() -> SegmentStore.open(dir, 300)).isInstanceOf(StoreCorruptedException.class)
                .hasMessageContaining("expected");
        Files.move(dir.resolve("moved-away"), files.get(1));
        byte[] header = Files.readAllBytes(files.get(1));
        header[0] = 'X';
        Files.write(files.get(1), header);
        assertThatThrownBy(() -> SegmentStore.open(dir, 300)).isInstanceOf(StoreCorruptedException.class)
                .hasMessageContaining("bad header");
    }

    @Test
    void refusesEntriesItCannotStore(@TempDir Path dir) throws Exception {
        try (var store = SegmentStore.open(dir, 1 << 20)) {
            assertThatThrownBy(() -> store.append(new byte[0])).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.read(0)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThat(store.size()).isZero();
        }
    }

    private static void flipLastByte(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 1;
        Files.write(file, bytes);
    }

}
