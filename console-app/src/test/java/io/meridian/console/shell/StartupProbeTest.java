package io.meridian.console.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StartupProbeTest {
    @Test
    void modesAreOffReportOrExit() {
        assertThat(StartupProbe.parse(null)).isEqualTo(StartupProbe.Mode.OFF);
        assertThat(StartupProbe.parse(" ")).isEqualTo(StartupProbe.Mode.OFF);
        assertThat(StartupProbe.parse("report")).isEqualTo(StartupProbe.Mode.REPORT);
        assertThat(StartupProbe.parse("exit")).isEqualTo(StartupProbe.Mode.EXIT);
        assertThatThrownBy(() -> StartupProbe.parse("yes")).hasMessageContaining("'report' or 'exit'");
    }
}
