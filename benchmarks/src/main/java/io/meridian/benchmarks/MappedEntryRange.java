package io.meridian.benchmarks;

import io.meridian.audit.EntryRange;
import java.io.DataOutputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Entries in a file ({@code u32 length || entry bytes}, repeated), memory-mapped: verification reads them without
 * holding the log on the heap, which is what the heap measurement is about. Only an int offset per entry is kept.
 */
final class MappedEntryRange implements EntryRange {
    private final MappedByteBuffer map;
    private final int[] offsets;

    private MappedEntryRange(MappedByteBuffer map, int[] offsets) {
        this.map = map;
        this.offsets = offsets;
    }

    static void write(Path file, int count, long seed) throws IOException {
        try (var out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 20))) {
            AuditFixture.generate(count, seed, bytes -> {
                try {
                    out.writeInt(bytes.length);
                    out.write(bytes);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    static MappedEntryRange open(Path file) throws IOException {
        try (var channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() > Integer.MAX_VALUE) {
                throw new IOException(file + " is larger than one 2 GiB mapping");
            }
            var map = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            int count = 0;
            for (int at = 0; at < map.limit(); at += 4 + map.getInt(at)) {
                count++;
            }
            int[] offsets = new int[count];
            for (int i = 0, at = 0; i < count; at += 4 + map.getInt(at), i++) {
                offsets[i] = at;
            }
            return new MappedEntryRange(map, offsets);
        }
    }

    @Override
    public long first() {
        return 0;
    }

    @Override
    public int count() {
        return offsets.length;
    }

    @Override
    public byte[] entry(int position) {
        int at = offsets[position];
        byte[] bytes = new byte[map.getInt(at)];
        map.get(at + 4, bytes);
        return bytes;
    }
}
