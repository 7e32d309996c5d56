package io.meridian.postgres.harness;

import io.meridian.postgres.PostgresPlatform;
import io.meridian.postgres.platformfile.PlatformFileLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * A test class's live platform: a {@link PgCluster} (first node primary), its platform file with one region per
 * server, the {@link PostgresPlatform} on it and a {@link RecordingObserver} it reports to. {@link #close()} stops
 * the platform, then the servers.
 */
public record LivePlatform(PgCluster cluster, PostgresPlatform platform, RecordingObserver observer)
        implements AutoCloseable {
    /**
     * Starts the servers and observes them; {@code beforeStart} (or null) runs on the platform before its first
     * probe, e.g. to attach its audit source.
     */
    public static LivePlatform start(Path dir, String name, Consumer<PostgresPlatform> beforeStart,
                                     String syncStandby, String... nodes) throws Exception {
        var cluster = PgCluster.start(syncStandby, nodes);
        try {
            var file = PlatformFileLoader.load(PlatformFiles.forCluster(cluster, dir, name, syncStandby, ""));
            var platform = new PostgresPlatform(file, PlatformFiles.ENVIRONMENT, Clock.systemUTC());
            var observer = new RecordingObserver(platform.topology());
            if (beforeStart != null) {
                beforeStart.accept(platform);
            }
            platform.start(observer);
            return new LivePlatform(cluster, platform, observer);
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            platform.close();
        } finally {
            cluster.close();
        }
    }
}
