package io.meridian.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meridian.server.audit.EntryDraft;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedQueriesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void producesTheRateOverTicksWithUniqueIdsAndDeterministically() {
        var regions = List.of("eu-west-1", "us-east-1");
        var a = new SimulatedQueries(regions, 7, 25, Duration.ofMillis(100), CLOCK);
        var b = new SimulatedQueries(regions, 7, 25, Duration.ofMillis(100), CLOCK);
        var all = new ArrayList<EntryDraft>();
        for (int tick = 0; tick < 40; tick++) {
            var batch = a.nextBatch();
            assertThat(b.nextBatch()).isEqualTo(batch);
            all.addAll(batch);
        }
        assertThat(all).hasSize(100);
        assertThat(new HashSet<>(all.stream().map(EntryDraft::queryId).toList())).hasSize(100);
        assertThat(all).allSatisfy(d -> assertThat(regions).contains(d.region()));
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new SimulatedQueries(List.of(), 1, 10, Duration.ofSeconds(1), CLOCK))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimulatedQueries(List.of("r"), 1, 0, Duration.ofSeconds(1), CLOCK))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
