package io.meridian.server.audit;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Damage a crash cannot explain: a bad record before the last segment's tail, a broken segment header, a gap between
 * segments. The store refuses to open rather than silently drop acknowledged entries; the message names file and
 * offset.
 */
public final class StoreCorruptedException extends IOException {
    public StoreCorruptedException(Path file, long offset, String problem) {
        super(file + (offset >= 0 ? " at byte " + offset : "") + ": " + problem);
    }
}
