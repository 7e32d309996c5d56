package io.meridian.server.audit;

import java.nio.file.Path;

/**
 * The child process of {@link SegmentStoreCrashTest}: appends the test's deterministic entries to a store forever and
 * prints each index once its append returned (that is, once it is acknowledged), until it is killed.
 */
public final class CrashingAppender {
    private CrashingAppender() {
    }

    public static void main(String[] args) throws Exception {
        try (var store = SegmentStore.open(Path.of(args[0]), Long.parseLong(args[1]))) {
            for (long i = store.size(); ; i++) {
                store.append(SegmentStoreTest.entry(i));
                System.out.println(i);
                System.out.flush();
            }
        }
    }
}
