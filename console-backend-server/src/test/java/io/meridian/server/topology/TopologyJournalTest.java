package io.meridian.server.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.meridian.model.topology.Cluster;
import io.meridian.model.topology.Health;
import io.meridian.model.topology.JournalPosition;
import io.meridian.model.topology.PlatformTargets;
import io.meridian.model.topology.Replica;
import io.meridian.model.topology.ReplicaRole;
import io.meridian.model.topology.SnapshotReason;
import io.meridian.model.topology.Topology;
import io.meridian.model.topology.TopologyDelta;
import io.meridian.model.topology.TopologyEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopologyJournalTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC);
    private static final Duration S = Duration.ofSeconds(1);

    private final TopologyJournal journal = new TopologyJournal(initial(), 3, CLOCK);

    private static Topology initial() {
        var targets = new PlatformTargets(S, S, S, 1, 99.9, S, S);
        return new Topology(targets, List.of(), List.of(), List.of(cluster(Health.HEALTHY)), List.of());
    }

    private static Cluster cluster(Health health) {
        return new Cluster("c", "C", "region",
                List.of(new Replica("r", "region", ReplicaRole.PRIMARY, health, "", Instant.EPOCH)));
    }

    private void change(int n) {
        for (int i = 0; i < n; i++) {
            var current = journal.snapshot(SnapshotReason.INITIAL).topology().clusters().getFirst().replicas()
                    .getFirst().health();
            journal.append(TopologyDelta.of(List.of(cluster(current == Health.HEALTHY ? Health.DEGRADED
                    : Health.HEALTHY)), List.of()));
        }
    }

    private List<TopologyEvent> subscribe(JournalPosition from) {
        var received = new ArrayList<TopologyEvent>();
        journal.subscribe(from, received::add);
        return received;
    }

    @Test
    void aFirstWatchStartsWithASnapshotAtTheCurrentSequence() {
        change(2);
        var events = subscribe(JournalPosition.START);
        assertThat(events).singleElement().isInstanceOfSatisfying(TopologyEvent.Snapshot.class, s -> {
            assertThat(s.reason()).isEqualTo(SnapshotReason.INITIAL);
            assertThat(s.position().sequence()).isEqualTo(3);
        });
    }

    @Test
    void aResumeWithinHistoryReplaysExactlyTheMissedDeltasThenFollowsLive() {
        change(3);
        var events = subscribe(new JournalPosition(journal.journalId(), 2));
        change(1);
        assertThat(events).allMatch(e -> e instanceof TopologyEvent.Delta)
                .extracting(e -> e.position().sequence()).containsExactly(3L, 4L, 5L);
    }

    @Test
    void aResumeAtTheCurrentPositionReplaysNothing() {
        change(2);
        assertThat(subscribe(new JournalPosition(journal.journalId(), 3))).isEmpty();
    }

    @Test
    void aResumeOlderThanTheRetainedHistoryGetsASnapshotSayingSo() {
        change(5);
        var events = subscribe(new JournalPosition(journal.journalId(), 2));
        assertThat(events).singleElement().isInstanceOfSatisfying(TopologyEvent.Snapshot.class,
                s -> assertThat(s.reason()).isEqualTo(SnapshotReason.HISTORY_UNAVAILABLE));
    }

    @Test
    void aResumeFromTheOldestRetainedBoundaryStillReplays() {
        change(5);
        // Deltas 4, 5 and 6 are retained: a client at 3 needs exactly those.
        assertThat(subscribe(new JournalPosition(journal.journalId(), 3)))
                .extracting(e -> e.position().sequence()).containsExactly(4L, 5L, 6L);
    }

    @Test
    void anotherJournalOrAFutureSequenceGetsASnapshotSayingTheJournalChanged() {
        change(1);
        for (var from : List.of(new JournalPosition("another-journal", 1),
                new JournalPosition(journal.journalId(), 99))) {
            assertThat(subscribe(from)).singleElement().isInstanceOfSatisfying(TopologyEvent.Snapshot.class,
                    s -> assertThat(s.reason()).isEqualTo(SnapshotReason.JOURNAL_CHANGED));
        }
    }

    @Test
    void emptyChangesAreNotNumbered() {
        journal.append(TopologyDelta.of(List.of(), List.of()));
        assertThat(journal.position().sequence()).isEqualTo(1);
    }

    @Test
    void anUnsubscribedWatcherReceivesNothingMore() {
        var received = new ArrayList<TopologyEvent>();
        var unsubscribe = journal.subscribe(new JournalPosition(journal.journalId(), 1), received::add);
        change(1);
        unsubscribe.run();
        change(1);
        assertThat(received).hasSize(1);
    }
}
