package io.meridian.console.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DrillClocksTest {
    @Test
    void measuredClocksStopAtTheirMeasureAndPendingOnesRunFromTheirStart() {
        var clocks = DrillClocks.at(DrillSamples.waitingForDecision(), DrillSamples.T0.plusSeconds(100));
        assertThat(clocks).extracting(ClockFigure::name).containsExactly("Since fault", "Detection",
                "Time to decision", "RTO");
        var detection = clocks.get(1);
        assertThat(detection.value()).isEqualTo(Duration.ofSeconds(12));
        assertThat(detection.running()).isFalse();
        assertThat(detection.level()).isEqualTo(ClockLevel.WITHIN);
        var decision = clocks.get(2);
        assertThat(decision.value()).as("from the proposal at 12 s").isEqualTo(Duration.ofSeconds(88));
        assertThat(decision.running()).isTrue();
        assertThat(decision.level()).as("88 of 100 s: amber").isEqualTo(ClockLevel.NEAR);
        assertThat(clocks.get(3).value()).isEqualTo(Duration.ofSeconds(100));
    }

    @Test
    void aClockPastItsTargetTurnsRed() {
        var clocks = DrillClocks.at(DrillSamples.waitingForDecision(), DrillSamples.T0.plusSeconds(150));
        assertThat(clocks.get(2).level()).isEqualTo(ClockLevel.OVER);
        assertThat(clocks.get(3).level()).as("150 of 300 s").isEqualTo(ClockLevel.WITHIN);
    }
}
