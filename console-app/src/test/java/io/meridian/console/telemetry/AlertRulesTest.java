package io.meridian.console.telemetry;

import static io.meridian.console.telemetry.TestTopology.LINK;
import static io.meridian.console.telemetry.TestTopology.TARGETS;
import static io.meridian.console.telemetry.TestTopology.clock;
import static io.meridian.console.telemetry.TestTopology.drift;
import static io.meridian.console.telemetry.TestTopology.lag;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertRulesTest {
    private final AlertRules rules = new AlertRules(TARGETS, Duration.ofSeconds(10));

    @Test
    void aLagOverTheSloRaisesOneWarning() {
        assertThat(rules.observe(lag(29.9, 0))).isEmpty();
        var raised = rules.observe(lag(31, 1));
        assertThat(raised).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(AlertChange.Kind.RAISED);
            assertThat(c.key()).isEqualTo("slo/" + LINK);
            assertThat(c.severity()).isEqualTo(Severity.WARNING);
            assertThat(c.what()).contains("31.0 s", "eu-1 → us-1", "30.0 s");
            assertThat(c.notifies()).isTrue();
        });
        assertThat(rules.observe(lag(45, 2))).isEmpty();
    }

    @Test
    void aFlappingLagRaisesOnceAndClearsOnlyWhenLowLongEnough() {
        var changes = new ArrayList<AlertChange>();
        // Hovering around the SLO for a minute: above, below (but over 80% of it), above...
        for (int second = 0; second < 60; second++) {
            changes.addAll(rules.observe(lag(second % 2 == 0 ? 31 : 26, second)));
        }
        assertThat(changes).extracting(AlertChange::kind).containsExactly(AlertChange.Kind.RAISED);
        // Dipping under 80% of the SLO briefly does not clear it either.
        changes.addAll(rules.observe(lag(10, 60)));
        changes.addAll(rules.observe(lag(31, 65)));
        changes.addAll(rules.observe(lag(10, 66)));
        changes.addAll(rules.observe(lag(10, 75)));
        assertThat(changes).extracting(AlertChange::kind).containsExactly(AlertChange.Kind.RAISED);
        // Ten seconds under 80% of the SLO clears it.
        changes.addAll(rules.observe(lag(10, 76)));
        assertThat(changes).extracting(AlertChange::kind)
                .containsExactly(AlertChange.Kind.RAISED, AlertChange.Kind.CLEARED);
        assertThat(changes.getLast().at()).isEqualTo(TestTopology.T0.plusSeconds(76));
    }

    @Test
    void anOpenBreakerIsCriticalAndSeparateFromTheSloBreach() {
        var changes = rules.observe(lag(LINK, 75, 0, true));
        assertThat(changes).extracting(AlertChange::key).containsExactly("slo/" + LINK, "breaker/" + LINK);
        assertThat(changes.get(1).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(changes.get(1).what()).contains("Breaker open", "75.0 s");
        var closed = new ArrayList<AlertChange>();
        for (int second = 1; second <= 11; second++) {
            closed.addAll(rules.observe(lag(LINK, 40, second, false)));
        }
        assertThat(closed).extracting(AlertChange::key, AlertChange::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("breaker/" + LINK, AlertChange.Kind.CLEARED));
    }

    @Test
    void clockOffsetWarnsAtEightyPercentAndIsCriticalOverTheMaximumOnItsAbsoluteValue() {
        assertThat(rules.observe(clock("us-1", -0.79, 0))).isEmpty();
        assertThat(rules.observe(clock("us-1", -0.85, 1))).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(AlertChange.Kind.RAISED);
            assertThat(c.severity()).isEqualTo(Severity.WARNING);
        });
        assertThat(rules.observe(clock("us-1", 1.2, 2))).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(AlertChange.Kind.ESCALATED);
            assertThat(c.severity()).isEqualTo(Severity.CRITICAL);
        });
        // Back to 0.7: under 80% of the maximum, but not under 80% of the warning level: eases to a warning.
        var eased = new ArrayList<AlertChange>();
        for (int second = 3; second <= 13; second++) {
            eased.addAll(rules.observe(clock("us-1", 0.7, second)));
        }
        assertThat(eased).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(AlertChange.Kind.EASED);
            assertThat(c.severity()).isEqualTo(Severity.WARNING);
            assertThat(c.notifies()).isFalse();
        });
        var cleared = new ArrayList<AlertChange>();
        for (int second = 14; second <= 24; second++) {
            cleared.addAll(rules.observe(clock("us-1", 0.1, second)));
        }
        assertThat(cleared).extracting(AlertChange::kind).containsExactly(AlertChange.Kind.CLEARED);
    }

    @Test
    void driftRaisesWhenTheTestCrossesAlphaAndClearsAfterTheHold() {
        var raised = rules.observe(drift("eu", true, 0));
        assertThat(raised).singleElement().satisfies(c -> {
            assertThat(c.key()).isEqualTo("drift/eu");
            assertThat(c.what()).contains("Drift detected", "eu", "α=0.001");
        });
        assertThat(rules.observe(drift("eu", false, 5))).isEmpty();
        assertThat(rules.observe(drift("eu", true, 10))).isEmpty();
        assertThat(rules.observe(drift("eu", false, 15))).isEmpty();
        assertThat(rules.observe(drift("eu", false, 25))).extracting(AlertChange::kind)
                .containsExactly(AlertChange.Kind.CLEARED);
    }

    @Test
    void subjectsAreIndependent() {
        List<AlertChange> a = rules.observe(lag("eu-1->us-1", 40, 0, false));
        List<AlertChange> b = rules.observe(lag("us-1->eu-1", 40, 0, false));
        assertThat(a).hasSize(1);
        assertThat(b).hasSize(1);
    }
}
