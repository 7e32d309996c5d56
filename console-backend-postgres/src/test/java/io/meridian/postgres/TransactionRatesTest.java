package io.meridian.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.meridian.model.telemetry.TelemetrySample;
import io.meridian.postgres.harness.LivePlatform;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commit and rollback rates per region from pg_stat_database on real servers: a primary (eu-central-1) and a hot
 * standby (eu-west-1), probed every 500 ms. The rates are checked against transactions the test ends itself.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TransactionRatesTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PRIMARY_REGION = "eu-central-1";
    private static final String STANDBY_REGION = "eu-west-1";
    private static LivePlatform live;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        live = LivePlatform.start(dir, "rates", null, null, "fra1", "dub1");
    }

    @AfterAll
    static void stop() {
        if (live != null) {
            live.close();
        }
    }

    @Test
    @Order(1)
    void theFirstSampleIsUnknownAndAnIdleRegionThenShowsZero() throws Exception {
        live.observer().await("six samples per region", WAIT, o -> o.services(PRIMARY_REGION).size() >= 6
                && o.services(STANDBY_REGION).size() >= 6);
        for (var region : List.of(PRIMARY_REGION, STANDBY_REGION)) {
            var samples = live.observer().services(region);
            // Nothing to subtract from yet: unknown, not zero.
            assertThat(samples.getFirst().transactions()).as(region).isEmpty();
            var known = samples.stream().skip(1).filter(s -> s.transactions().isPresent()).toList();
            assertThat(known).as(region).hasSizeGreaterThanOrEqualTo(4);
            // The observer's own probe transaction is not workload: an idle server ends none of anyone else's
            // (the median, since an autovacuum worker may end a few now and then).
            var commits = known.stream().mapToDouble(s -> s.transactions().orElseThrow().commitsPerSecond())
                    .sorted().toArray();
            assertThat(commits[commits.length / 2]).as(region).isZero();
        }
    }

    @Test
    @Order(2)
    void theRatesAddUpToTheTransactionsAWriterEnded() throws Exception {
        int commits = 400;
        int rollbacks = 150;
        int readOnly = 120;
        var primaryBefore = live.observer().services(PRIMARY_REGION).size();
        var standbyBefore = live.observer().services(STANDBY_REGION).size();
        try (var primary = live.cluster().superuser(live.cluster().node("fra1"));
             var standby = live.cluster().superuser(live.cluster().node("dub1"))) {
            endTransactions(primary, commits, rollbacks);
            standby.setAutoCommit(true);
            try (var st = standby.prepareStatement("select count(*) from harness_writes")) {
                for (int i = 0; i < readOnly; i++) {
                    st.executeQuery().close();
                }
            }
        }
        // A session publishes its counts at the latest when it ends; two more probes take them in.
        var primaryAfter = live.observer().services(PRIMARY_REGION).size();
        var standbyAfter = live.observer().services(STANDBY_REGION).size();
        live.observer().await("four samples after the sessions ended", WAIT,
                o -> o.services(PRIMARY_REGION).size() >= primaryAfter + 4
                        && o.services(STANDBY_REGION).size() >= standbyAfter + 4);

        var primaryTotal = integrate(live.observer().services(PRIMARY_REGION), primaryBefore);
        var standbyTotal = integrate(live.observer().services(STANDBY_REGION), standbyBefore);
        // Each session's log-in is one more committed transaction; autovacuum may add a few; the sampling
        // instants (the tick, not the probe) shift a few transactions between neighbouring samples.
        assertThat(primaryTotal.commits()).isBetween(commits - tolerance(commits), commits + 1 + 10.0);
        assertThat(primaryTotal.rollbacks()).isBetween(rollbacks - tolerance(rollbacks),
                rollbacks + tolerance(rollbacks));
        assertThat(standbyTotal.commits()).isBetween(readOnly - tolerance(readOnly), readOnly + 1 + 10.0);
        assertThat(standbyTotal.rollbacks()).isLessThan(1.0);
        assertThat(primaryTotal.peakCommitsPerSecond()).isPositive();
    }

    @Test
    @Order(3)
    void aStatisticsResetMakesTheNextSampleUnknownNotZero() throws Exception {
        var before = live.observer().services(PRIMARY_REGION).size();
        try (var primary = live.cluster().superuser(live.cluster().node("fra1"))) {
            primary.createStatement().execute("select pg_stat_reset()");
        }
        live.observer().await("an unknown sample after the reset, then known again", WAIT, o -> {
            var after = o.services(PRIMARY_REGION);
            for (int i = before; i < after.size() - 1; i++) {
                if (after.get(i).transactions().isEmpty() && after.get(i + 1).transactions().isPresent()) {
                    return true;
                }
            }
            return false;
        });
        var all = live.observer().services(PRIMARY_REGION);
        var after = all.subList(before, all.size());
        assertThat(after.stream().filter(s -> s.transactions().isEmpty())).hasSize(1);
        // The counters went down: no negative rate, no huge one.
        assertThat(after).allSatisfy(s -> s.transactions().ifPresent(t -> assertThat(t.commitsPerSecond())
                .isBetween(0.0, 50.0)));
    }

    @Test
    @Order(4)
    void aServerThatCannotBeReadMakesItsRegionUnknownWhileTheOthersKeepTheirRates() throws Exception {
        live.cluster().stop(live.cluster().node("dub1"));
        int from = live.observer().services(STANDBY_REGION).size();
        live.observer().await("three samples with dub1 down", WAIT, o -> o.services(STANDBY_REGION).size() >= from + 3);
        var down = live.observer().services(STANDBY_REGION);
        assertThat(down.subList(from + 1, down.size())).allMatch(s -> s.transactions().isEmpty());
        assertThat(live.observer().service(PRIMARY_REGION).orElseThrow().transactions()).isPresent();

        live.cluster().start(live.cluster().node("dub1"));
        live.observer().await("dub1 rates known again", WAIT, o -> o.service(STANDBY_REGION)
                .flatMap(TelemetrySample.RegionService::transactions).isPresent());
    }

    /** {@code commits} committed and {@code rollbacks} rolled back transactions, one insert each. */
    private static void endTransactions(java.sql.Connection c, int commits, int rollbacks) throws SQLException {
        c.setAutoCommit(false);
        try (var st = c.prepareStatement("insert into harness_writes values (?, now())")) {
            for (int i = 0; i < commits + rollbacks; i++) {
                st.setLong(1, 1_000_000 + i);
                st.executeUpdate();
                // Interleaved, so that both kinds run throughout.
                if (i % 3 == 2 && i / 3 < rollbacks) {
                    c.rollback();
                } else {
                    c.commit();
                }
            }
        }
    }

    private record Total(double commits, double rollbacks, double peakCommitsPerSecond) {}

    /**
     * Transactions counted by the known samples after {@code from}: each rate times the time since the previous
     * known sample (a missed probe makes the next rate cover both intervals).
     */
    private static Total integrate(List<TelemetrySample.RegionService> samples, int from) {
        double commits = 0;
        double rollbacks = 0;
        double peak = 0;
        TelemetrySample.RegionService lastKnown = null;
        for (int i = Math.max(0, from - 1); i < samples.size(); i++) {
            var s = samples.get(i);
            if (s.transactions().isEmpty()) {
                continue;
            }
            var rates = s.transactions().get();
            if (lastKnown != null) {
                double seconds = Duration.between(lastKnown.observedAt(), s.observedAt()).toNanos() / 1e9;
                commits += rates.commitsPerSecond() * seconds;
                rollbacks += rates.rollbacksPerSecond() * seconds;
                peak = Math.max(peak, rates.commitsPerSecond());
            }
            lastKnown = s;
        }
        return new Total(commits, rollbacks, peak);
    }

    private static double tolerance(int count) {
        return 3 + 0.02 * count;
    }
}
