package io.meridian.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meridian.server.scenario.Scenario;
import io.meridian.server.scenario.ScenarioException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;

class ShippedScenariosTest {
    static final java.util.List<String> NAMES = ShippedScenarios.NAMES;

    @ParameterizedTest
    @FieldSource("NAMES")
    void everyShippedScenarioLoads(String name) throws ScenarioException {
        var scenario = ShippedScenarios.load(name);
        assertThat(scenario.name()).isEqualTo(name);
        assertThat(scenario.regions()).isNotEmpty();
        assertThat(scenario.clusters()).isNotEmpty();
    }

    @Test
    void fiveScenariosAreShippedAndTheDefaultIsOneOfThem() {
        assertThat(NAMES).containsExactly("quasim-phase-vii", "hvac-multi-region", "nautilus-phase-7", "sovren",
                "phase-7p");
        assertThat(NAMES).contains(ShippedScenarios.DEFAULT);
    }

    /** Region counts as the deployment documents give them. */
    @ParameterizedTest
    @CsvSource({
            "quasim-phase-vii, 3",
            "hvac-multi-region, 2",
            "nautilus-phase-7, 15",
            "sovren, 8",
            "phase-7p, 7"})
    void regionCountMatchesTheDocument(String name, int regions) throws ScenarioException {
        assertThat(ShippedScenarios.load(name).regions()).as(name).hasSize(regions);
    }

    /** The "region roles" column of the shipped-scenarios table in docs/scenarios.md. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "phase-7p; PRIMARY",
            "quasim-phase-vii; PRIMARY, SECONDARY",
            "hvac-multi-region; PRIMARY, SECONDARY",
            "nautilus-phase-7; PRIMARY, COMPLIANCE_HUB, DR, EDGE, ANALYTICS",
            "sovren; PRIMARY, SECONDARY"})
    void regionRolesMatchTheDocumentation(String name, String roles) throws ScenarioException {
        var expected = new TreeSet<String>();
        for (var role : roles.split(",")) {
            expected.add(role.strip());
        }
        var actual = ShippedScenarios.load(name).regions().stream().map(Scenario.RegionSpec::role)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(actual).as(name).isEqualTo(expected);
    }

    @Test
    void nautilusHasEveryKindOfRegion() throws ScenarioException {
        var roles = ShippedScenarios.load("nautilus-phase-7").regions().stream().map(Scenario.RegionSpec::role)
                .collect(Collectors.toSet());
        assertThat(roles).contains("COMPLIANCE_HUB", "EDGE", "ANALYTICS", "DR", "PRIMARY");
    }

    /** The China region (CSL/PIPL) replicates only within itself: no link to or from any other region. */
    @Test
    void phase7pKeepsChineseDataInChina() throws ScenarioException {
        var scenario = ShippedScenarios.load("phase-7p");
        var china = scenario.regions().stream()
                .filter(r -> r.jurisdictions().contains("CSL/PIPL"))
                .map(Scenario.RegionSpec::id)
                .collect(Collectors.toSet());
        assertThat(china).as("regions under CSL/PIPL").hasSize(1);

        var regionOf = new HashMap<String, String>();
        scenario.clusters().forEach(c -> c.replicas().forEach(r -> regionOf.put(r.id(), r.region())));
        int linksTouchingChina = 0;
        for (var cluster : scenario.clusters()) {
            for (var replica : cluster.replicas()) {
                if (replica.upstream() == null) {
                    continue;
                }
                var from = regionOf.get(replica.upstream());
                var to = replica.region();
                if (china.contains(from) || china.contains(to)) {
                    linksTouchingChina++;
                    assertThat(from).as("link %s -> %s of cluster %s", replica.upstream(), replica.id(), cluster.id())
                            .isEqualTo(to);
                }
            }
        }
        // The check above must have had something to check.
        assertThat(linksTouchingChina).isPositive();
    }

    @Test
    void unknownNameListsEveryKnownName() {
        assertThatThrownBy(() -> ShippedScenarios.load("nope"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("'nope'")
                .hasMessageContaining(String.join(", ", NAMES));
    }

    @Test
    void chooseRefusesBothNameAndFile(@TempDir Path dir) {
        var file = dir.resolve("sovren.json");
        assertThatThrownBy(() -> ShippedScenarios.choose("sovren", file))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("--scenario")
                .hasMessageContaining("--scenario-file");
    }

    @Test
    void chooseWithNeitherGivesTheDefault() throws ScenarioException {
        assertThat(ShippedScenarios.choose(null, null).name()).isEqualTo(ShippedScenarios.DEFAULT);
    }

    @Test
    void chooseWithANameLoadsThatScenario() throws ScenarioException {
        assertThat(ShippedScenarios.choose("sovren", null).name()).isEqualTo("sovren");
    }

    @Test
    void chooseWithAFileLoadsTheFile(@TempDir Path dir) throws Exception {
        var file = dir.resolve("quasim-phase-vii.json");
        try (InputStream in = ShippedScenarios.class.getResourceAsStream("scenarios/quasim-phase-vii.json")) {
            assertThat(in).isNotNull();
            Files.write(file, in.readAllBytes());
        }
        var scenario = ShippedScenarios.choose(null, file);
        assertThat(scenario).isEqualTo(ShippedScenarios.load("quasim-phase-vii"));
    }

    @Test
    void chooseWithAMissingFileNamesIt(@TempDir Path dir) {
        var file = dir.resolve("absent.json");
        assertThatThrownBy(() -> ShippedScenarios.choose(null, file))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void everyRegionOfEveryScenarioHoldsAReplica() throws ScenarioException {
        for (var name : NAMES) {
            var scenario = ShippedScenarios.load(name);
            Map<String, Long> replicasPerRegion = scenario.clusters().stream()
                    .flatMap(c -> c.replicas().stream())
                    .collect(Collectors.groupingBy(Scenario.ReplicaSpec::region, Collectors.counting()));
            assertThat(replicasPerRegion.keySet()).as(name)
                    .containsExactlyInAnyOrderElementsOf(scenario.regions().stream()
                            .map(Scenario.RegionSpec::id).toList());
        }
    }
}
