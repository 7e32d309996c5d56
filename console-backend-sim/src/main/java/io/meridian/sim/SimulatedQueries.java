package io.meridian.sim;

import io.meridian.audit.AuditAction;
import io.meridian.audit.Outcome;
import io.meridian.audit.TriggerKind;
import io.meridian.server.audit.AuditSource;
import io.meridian.server.audit.EntryDraft;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The simulator's executed queries, for the audit log: a steady stream spread over the scenario's regions, at a rate
 * a laptop holds comfortably by default ({@link #DEFAULT_RATE} per second; the documents speak of up to 10,000
 * circuits per second in aggregate), deterministic under a seed. One batch per tick, so the log forces the disk once
 * per tick rather than once per query.
 */
public final class SimulatedQueries implements AuditSource {
    public static final double DEFAULT_RATE = 100;
    private static final System.Logger LOG = System.getLogger(SimulatedQueries.class.getName());
    private static final String[] KINDS = {"select", "insert", "update", "replicate", "vacuum"};

    private final List<String> regions;
    private final Random random;
    private final double perSecond;
    private final Duration tick;
    private final Clock clock;
    private final String runId;
    private double owed;
    private long generated;
    private ScheduledExecutorService ticker;

    /**
     * @param regions   region ids the queries run in
     * @param perSecond aggregate queries per second
     */
    public SimulatedQueries(List<String> regions, long seed, double perSecond, Duration tick, Clock clock) {
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("simulated queries need at least one region");
        }
        if (!(perSecond > 0 && perSecond <= 100_000)) {
            throw new IllegalArgumentException("query rate must be in (0, 100000] per second, was " + perSecond);
        }
        this.regions = List.copyOf(regions);
        this.random = new Random(seed);
        this.perSecond = perSecond;
        this.tick = tick;
        this.clock = clock;
        // Query ids stay unique across restarts of the simulator on the same log.
        this.runId = Long.toString(clock.millis(), 36);
    }

    /** The queries of one tick: the rate times the tick, carrying fractions over to the next. */
    synchronized List<EntryDraft> nextBatch() {
        owed += perSecond * tick.toNanos() / 1e9;
        int count = (int) owed;
        owed -= count;
        var drafts = new ArrayList<EntryDraft>(count);
        long now = ChronoUnit.MICROS.between(java.time.Instant.EPOCH, clock.instant());
        for (int i = 0; i < count; i++) {
            String region = regions.get(random.nextInt(regions.size()));
            String kind = KINDS[random.nextInt(KINDS.length)];
            boolean failed = random.nextInt(200) == 0;
            drafts.add(new EntryDraft("q-" + runId + "-" + Long.toString(generated++, 36), "service:" + kind
                    + "-router@" + region, AuditAction.QUERY_EXECUTED, TriggerKind.AUTOMATIC, "", region,
                    now, failed ? Outcome.FAILED : Outcome.SUCCEEDED,
                    failed ? "timeout after 30 s" : kind + " rows=" + random.nextInt(10_000)));
        }
        return drafts;
    }

    @Override
    public synchronized void start(Consumer<List<EntryDraft>> sink) {
        if (ticker != null) {
            throw new IllegalStateException("the simulated queries are already running");
        }
        ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("meridian-simulated-queries").daemon().factory());
        ticker.scheduleAtFixedRate(() -> {
            try {
                var batch = nextBatch();
                if (!batch.isEmpty()) {
                    sink.accept(batch);
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "simulated query batch failed", e);
            }
        }, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }
}
