package io.meridian.server.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meridian.server.platform.DrillFault;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class RunbookParserTest {
    @Test
    void theShippedPhase7pRunbookParses() throws Exception {
        var runbook = RunbookParser.parse("phase-7p-monthly.json",
                ShippedRunbooks.text(ShippedRunbooks.PHASE_7P_MONTHLY).orElseThrow());
        assertThat(runbook.scenario()).isEqualTo("phase-7p");
        assertThat(runbook.plan().regions()).containsExactly("us-east-1");
        assertThat(runbook.plan().faults()).containsExactly(new DrillFault.RegionOutage("us-east-1"));
        assertThat(runbook.plan().steps().getFirst()).isInstanceOf(PlanStep.Manual.class);
        assertThat(runbook.plan().steps().getLast()).isInstanceOf(PlanStep.Cleanup.class);
    }

    static Stream<Arguments> broken() {
        return Stream.of(
                Arguments.of("an unknown step kind, named with file, line and step", """
                        {"runbook": "r", "title": "t", "scenario": "s", "steps": [
                          {"id": "a", "kind": "inject", "title": "x", "fault": "region-outage", "regions": ["eu"]},
                          {"id": "reboot-all", "kind": "reboot", "title": "x"},
                          {"id": "c", "kind": "cleanup", "title": "x", "instruction": "y"}]}
                        """, "my.json line 3, step 2 'reboot-all': unknown step kind 'reboot'"),
                Arguments.of("no cleanup", """
                        {"runbook": "r", "title": "t", "scenario": "s", "steps": [
                          {"id": "a", "kind": "inject", "title": "x", "fault": "region-outage", "regions": ["eu"]}]}
                        """, "my.json: the last step must be the cleanup step"),
                Arguments.of("cleanup not last", """
                        {"runbook": "r", "title": "t", "scenario": "s", "steps": [
                          {"id": "a", "kind": "inject", "title": "x", "fault": "region-outage", "regions": ["eu"]},
                          {"id": "c", "kind": "cleanup", "title": "x", "instruction": "y"},
                          {"id": "d", "kind": "cleanup", "title": "x", "instruction": "y"}]}
                        """, "my.json line 3, step 2 'c': the cleanup step must be the last step"),
                Arguments.of("expect before inject", """
                        {"runbook": "r", "title": "t", "scenario": "s", "steps": [
                          {"id": "e", "kind": "expect", "title": "x", "outcome": "detected"},
                          {"id": "c", "kind": "cleanup", "title": "x", "instruction": "y"}]}
                        """, "step 1 'e': an expect step must follow an inject step"),
                Arguments.of("an unknown field", """
                        {"runbook": "r", "title": "t", "scenario": "s", "steps": [
                          {"id": "a", "kind": "inject", "title": "x", "fault": "region-outage", "regions": ["eu"],
                           "force": true},
                          {"id": "c", "kind": "cleanup", "title": "x", "instruction": "y"}]}
                        """, "line 2, step 1 'a': unknown field 'force'"),
                Arguments.of("an unknown outcome", """
                        {"runbook": "r", "title": "t", "scenario": "s", "steps": [
                          {"id": "a", "kind": "inject", "title": "x", "fault": "region-outage", "regions": ["eu"]},
                          {"id": "e", "kind": "expect", "title": "x", "outcome": "happy"},
                          {"id": "c", "kind": "cleanup", "title": "x", "instruction": "y"}]}
                        """, "step 2 'e': unknown outcome 'happy'"),
                Arguments.of("an unknown fault", """
                        {"runbook": "r", "title": "t", "scenario": "s", "steps": [
                          {"id": "a", "kind": "inject", "title": "x", "fault": "meteor", "regions": ["eu"]},
                          {"id": "c", "kind": "cleanup", "title": "x", "instruction": "y"}]}
                        """, "unknown fault 'meteor'"),
                Arguments.of("a timed fault without its duration", """
                        {"runbook": "r", "title": "t", "scenario": "s", "steps": [
                          {"id": "a", "kind": "inject", "title": "x", "fault": "lag-spike", "regions": ["eu"],
                           "extraLagSeconds": 90},
                          {"id": "c", "kind": "cleanup", "title": "x", "instruction": "y"}]}
                        """, "a lag-spike needs durationSeconds"),
                Arguments.of("a duplicate id", """
                        {"runbook": "r", "title": "t", "scenario": "s", "steps": [
                          {"id": "a", "kind": "inject", "title": "x", "fault": "region-outage", "regions": ["eu"]},
                          {"id": "a", "kind": "cleanup", "title": "x", "instruction": "y"}]}
                        """, "step 2 'a': the id is used by an earlier step"),
                Arguments.of("a manual step without its person", """
                        {"runbook": "r", "title": "t", "scenario": "s", "steps": [
                          {"id": "m", "kind": "manual", "title": "x", "instruction": "y"},
                          {"id": "a", "kind": "inject", "title": "x", "fault": "region-outage", "regions": ["eu"]},
                          {"id": "c", "kind": "cleanup", "title": "x", "instruction": "y"}]}
                        """, "step 1 'm': confirmBy is missing"),
                Arguments.of("broken JSON", "{\"runbook\": \"r\",\n \"title\": }", "my.json line 2: not valid JSON"),
                Arguments.of("a partition of one region", """
                        {"runbook": "r", "title": "t", "scenario": "s", "steps": [
                          {"id": "a", "kind": "inject", "title": "x", "fault": "network-partition", "regions": ["eu"],
                           "durationSeconds": 30},
                          {"id": "c", "kind": "cleanup", "title": "x", "instruction": "y"}]}
                        """, "a network-partition names two different regions, got 1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void aBrokenRunbookIsRefusedWithWhereAndWhat(String what, String text, String message) {
        assertThatThrownBy(() -> RunbookParser.parse("my.json", text)).isInstanceOf(RunbookException.class)
                .hasMessageContaining(message);
    }
}
