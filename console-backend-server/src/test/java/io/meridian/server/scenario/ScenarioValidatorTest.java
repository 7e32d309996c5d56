package io.meridian.server.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules of docs/scenarios.md, one broken variant of a valid scenario (the document's example) per row: each must
 * be reported at its JSON path with a message that says what is wrong.
 */
class ScenarioValidatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STEP = Pattern.compile("([^.\\[]+)|\\[(\\d+)]");

    @Test
    void theDocumentedExampleIsValid() throws IOException {
        assertThat(ScenarioValidator.problems(scenario(example()))).isEmpty();
        assertThat(ScenarioValidator.problems(scenario(example()), "example-eu")).isEmpty();
    }

    static Stream<Arguments> brokenVariants() {
        return Stream.of(
                broken("schemaVersion other than 1", set("schemaVersion", 2), "schemaVersion", "reads only 1"),
                broken("schemaVersion missing", remove("schemaVersion"), "schemaVersion", "missing"),
                broken("name with capitals", set("name", "Example-EU"), "name", "not an id"),
                broken("name starting with '-'", set("name", "-example"), "name", "not an id"),
                broken("name missing", remove("name"), "name", "missing"),
                broken("title blank", set("title", "  "), "title", "blank"),
                broken("source missing", remove("source"), "source", "missing"),
                broken("summary empty", set("summary", ""), "summary", "blank"),

                broken("targets missing", remove("targets"), "targets", "missing"),
                broken("detection time zero", set("targets.detectionSeconds", 0), "targets.detectionSeconds",
                        "positive"),
                broken("lag SLO missing", remove("targets.lagSloP95Seconds"), "targets.lagSloP95Seconds", "missing"),
                broken("negative clock offset", set("targets.clockOffsetMaxMicros", -1),
                        "targets.clockOffsetMaxMicros", "positive"),
                broken("infinite latency", set("targets.latencyP95Millis", Double.POSITIVE_INFINITY),
                        "targets.latencyP95Millis", "positive"),
                broken("breaker below the lag SLO", set("targets.lagBreakerSeconds", 10),
                        "targets.lagBreakerSeconds", "below lagSloP95Seconds"),
                broken("p50 above p95", set("targets.latencyP50Millis", 600), "targets.latencyP50Millis",
                        "above latencyP95Millis"),
                broken("availability above 100 %", set("targets.availabilityPercent", 100.5),
                        "targets.availabilityPercent", "at most 100"),
                broken("availability zero", set("targets.availabilityPercent", 0), "targets.availabilityPercent",
                        "above 0"),

                broken("no tiers", set("tiers", List.of()), "tiers", "empty"),
                broken("four tiers", append("tiers", Map.of("name", "COLD", "rtoSeconds", 3600, "rpoSeconds", 600))
                        .andThen(append("tiers", Map.of("name", "COLD", "rtoSeconds", 3600, "rpoSeconds", 600))),
                        "tiers", "at most one each"),
                broken("unknown tier name", set("tiers[0].name", "LUKEWARM"), "tiers[0].name", "HOT, WARM, COLD"),
                broken("tier listed twice", set("tiers[1].name", "HOT"), "tiers[1].name", "listed twice"),
                broken("RTO zero", set("tiers[0].rtoSeconds", 0), "tiers[0].rtoSeconds", "positive"),
                broken("RPO negative", set("tiers[0].rpoSeconds", -1), "tiers[0].rpoSeconds", "zero or more"),
                broken("RPO missing", remove("tiers[1].rpoSeconds"), "tiers[1].rpoSeconds", "missing"),
                broken("WARM RTO below HOT", set("tiers[1].rtoSeconds", 120), "tiers[1].rtoSeconds",
                        "stricter from HOT to WARM to COLD"),
                broken("WARM RPO below HOT", set("tiers[1].rpoSeconds", 30), "tiers[1].rpoSeconds",
                        "stricter from HOT to WARM to COLD"),
                broken("COLD RPO below WARM, COLD listed first",
                        root -> ((ArrayNode) root.get("tiers")).insert(0, JSON.<JsonNode>valueToTree(
                                Map.of("name", "COLD", "rtoSeconds", 14400, "rpoSeconds", 60))),
                        "tiers[0].rpoSeconds", "COLD rpoSeconds is 60, below WARM's 300"),

                broken("no regions", set("regions", List.of()), "regions", "empty"),
                broken("region id with '_'", set("regions[0].id", "eu_central_1"), "regions[0].id", "not an id"),
                broken("region defined twice", set("regions[1].id", "eu-central-1"), "regions[1].id",
                        "defined twice"),
                broken("region name missing", remove("regions[0].name"), "regions[0].name", "missing"),
                broken("provider blank", set("regions[1].provider", " "), "regions[1].provider", "blank"),
                broken("location missing", remove("regions[0].location"), "regions[0].location", "missing"),
                broken("latitude out of range", set("regions[0].location.lat", 90.5), "regions[0].location.lat",
                        "-90 to 90"),
                broken("longitude out of range", set("regions[1].location.lon", -180.01),
                        "regions[1].location.lon", "-180 to 180"),
                broken("latitude missing", remove("regions[1].location.lat"), "regions[1].location.lat",
                        "from -90 to 90"),
                broken("no jurisdictions", set("regions[0].jurisdictions", List.of()), "regions[0].jurisdictions",
                        "at least one"),
                broken("jurisdiction listed twice",
                        set("regions[0].jurisdictions", List.of("GDPR", "MiFID II", "GDPR")),
                        "regions[0].jurisdictions[2]", "'GDPR' is listed twice"),
                broken("blank jurisdiction", set("regions[0].jurisdictions", List.of("GDPR", "")),
                        "regions[0].jurisdictions[1]", "blank"),
                broken("region in a tier the file does not list", set("regions[0].tier", "COLD"), "regions[0].tier",
                        "not a tier of this file"),
                broken("unknown region role", set("regions[1].role", "BACKUP"), "regions[1].role",
                        "COMPLIANCE_HUB"),
                broken("region holding no replica", append("regions", Map.of("id", "eu-south-1", "name", "EU Milan",
                                "provider", "AWS", "location", Map.of("lat", 45.46, "lon", 9.19),
                                "jurisdictions", List.of("GDPR"), "tier", "WARM", "role", "DR")),
                        "regions[2]", "holds no replica"),

                broken("no clusters", set("clusters", List.of()), "clusters", "empty"),
                broken("cluster id missing", remove("clusters[0].id"), "clusters[0].id", "missing"),
                broken("cluster defined twice", set("clusters[1].id", "orders-db"), "clusters[1].id",
                        "defined twice"),
                broken("cluster name blank", set("clusters[1].name", ""), "clusters[1].name", "blank"),
                broken("cluster without replicas", set("clusters[1].replicas", List.of()), "clusters[1].replicas",
                        "empty"),
                broken("replica id reused in another cluster", set("clusters[1].replicas[1].id", "orders-fra-2"),
                        "clusters[1].replicas[1].id", "defined twice"),
                broken("replica id not an id", set("clusters[0].replicas[1].id", "Orders.2"),
                        "clusters[0].replicas[1].id", "not an id"),
                broken("replica in an unknown region", set("clusters[0].replicas[2].region", "eu-west-9"),
                        "clusters[0].replicas[2].region", "not a region of this file"),
                broken("replica region missing", remove("clusters[0].replicas[2].region"),
                        "clusters[0].replicas[2].region", "missing"),
                broken("unknown replica role", set("clusters[0].replicas[1].role", "LEADER"),
                        "clusters[0].replicas[1].role", "PRIMARY, STANDBY"),
                broken("two primaries", set("clusters[1].replicas[1].role", "PRIMARY")
                                .andThen(remove("clusters[1].replicas[1].upstream")),
                        "clusters[1].replicas", "has 2 PRIMARY replicas"),
                broken("no primary", set("clusters[1].replicas[0].role", "STANDBY")
                                .andThen(set("clusters[1].replicas[0].upstream", "catalog-fra-1")),
                        "clusters[1].replicas", "has 0 PRIMARY replicas"),
                broken("primary with an upstream", set("clusters[0].replicas[0].upstream", "orders-fra-2"),
                        "clusters[0].replicas[0].upstream", "a PRIMARY has no upstream"),
                broken("primary with sync, even false", set("clusters[0].replicas[0].sync", false),
                        "clusters[0].replicas[0].sync", "a PRIMARY has no sync"),
                broken("standby without upstream", remove("clusters[0].replicas[2].upstream"),
                        "clusters[0].replicas[2].upstream", "missing"),
                broken("standby replicating from itself", set("clusters[0].replicas[3].upstream", "orders-dub-2"),
                        "clusters[0].replicas[3].upstream", "names itself"),
                broken("upstream that does not exist", set("clusters[0].replicas[2].upstream", "orders-fra-9"),
                        "clusters[0].replicas[2].upstream", "not a member of this cluster"),
                broken("upstream in another cluster", set("clusters[1].replicas[1].upstream", "orders-fra-1"),
                        "clusters[1].replicas[1].upstream", "not a member of this cluster"),
                broken("upstream cycle", set("clusters[0].replicas[2].upstream", "orders-dub-2"),
                        "clusters[0]", "replication cycle orders-dub-1 -> orders-dub-2 -> orders-dub-1"),
                broken("synchronous cascaded standby", set("clusters[0].replicas[3].sync", true),
                        "clusters[0].replicas[3].sync", "cascaded standby is always asynchronous"),

                broken("GDPR data copied to a region without GDPR", set("regions[1].jurisdictions", List.of("CCPA")),
                        "clusters[0].replicas[2].region", "lacks GDPR"),
                broken("China's data copied out of China", set("regions[0].jurisdictions", List.of("CSL/PIPL", "ICP")),
                        "clusters[0].replicas[2].region", "lacks CSL/PIPL"),
                broken("team empty", set("team", List.of()), "team", "empty"),
                broken("team member id with a space", set("team[0].id", "anna berg"), "team[0].id", "not an id"),
                broken("team member id twice", set("team[1].id", "anna.berg"), "team[1].id", "already team[0]"),
                broken("team member without name", remove("team[2].name"), "team[2].name", "missing"),
                broken("team member without roles", set("team[0].roles", List.of()), "team[0].roles",
                        "at least one of viewer"),
                broken("team member with an unknown role", set("team[0].roles", List.of("admin")),
                        "team[0].roles[0]", "'admin' is not a role"),
                broken("team member with a role twice", set("team[1].roles", List.of("operator", "operator")),
                        "team[1].roles[1]", "listed twice"),
                broken("the name differs from the file name (checked when one is given)", example -> {
                }, "name", "file is named 'other.json'", "other"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenVariants")
    void reportsEachBrokenRuleAtItsPath(String description, Consumer<ObjectNode> change, String path,
                                        String keyword, String fileName) throws IOException {
        var json = example();
        change.accept(json);

        var problems = ScenarioValidator.problems(scenario(json), fileName);

        assertThat(problems).as(description).anySatisfy(problem -> assertThat(problem)
                .startsWith(path + ": ")
                .contains(keyword));
    }

    @Test
    void reportsEveryProblemAtOnce() throws IOException {
        var json = example();
        set("targets.latencyP50Millis", 900).accept(json);
        set("regions[0].jurisdictions", List.of("GDPR", "GDPR")).accept(json);
        set("clusters[0].replicas[3].sync", true).accept(json);

        assertThat(ScenarioValidator.problems(scenario(json))).containsExactly(
                "targets.latencyP50Millis: is 900, above latencyP95Millis (500); a median cannot exceed the "
                        + "95th percentile",
                "regions[0].jurisdictions[1]: 'GDPR' is listed twice",
                "clusters[0].replicas[3].sync: is true, but upstream 'orders-dub-1' is not the PRIMARY "
                        + "('orders-fra-1'); a cascaded standby is always asynchronous");
    }

    @Test
    void equalObjectivesInNeighbouringTiersAreAllowed() throws IOException {
        var json = example();
        set("tiers[1].rtoSeconds", 300).accept(json);
        set("tiers[1].rpoSeconds", 60).accept(json);

        assertThat(ScenarioValidator.problems(scenario(json))).isEmpty();
    }

    @Test
    void descriptiveLabelsDoNotBindButResidencyBoundOnesDo() throws IOException {
        // The catalogue is homed in Dublin; with Dublin under CCPA only, its copy in Frankfurt (GDPR) is allowed,
        // while the orders database, homed in Frankfurt under GDPR, may no longer copy to Dublin.
        var json = example();
        set("regions[1].jurisdictions", List.of("CCPA")).accept(json);

        assertThat(ScenarioValidator.problems(scenario(json)))
                .allMatch(p -> p.startsWith("clusters[0]."))
                .hasSize(2);
        assertThat(DataResidency.missingLabels(List.of("CCPA", "HIPAA"), List.of("GDPR"))).isEmpty();
        assertThat(DataResidency.missingLabels(List.of("MiFID II", "GDPR", "RBI"), List.of("MiFID II", "GDPR")))
                .containsExactly("RBI");
    }

    private static Arguments broken(String description, Consumer<ObjectNode> change, String path, String keyword) {
        return broken(description, change, path, keyword, null);
    }

    private static Arguments broken(String description, Consumer<ObjectNode> change, String path, String keyword,
                                    String fileName) {
        return Arguments.of(description, change, path, keyword, fileName);
    }

    /** The example of docs/scenarios.md, a valid scenario with two regions, two tiers and two clusters. */
    static ObjectNode example() throws IOException {
        try (var in = ScenarioValidatorTest.class.getResourceAsStream("example-eu.json")) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

    private static Scenario scenario(ObjectNode json) throws IOException {
        return JSON.treeToValue(json, Scenario.class);
    }

    private static Consumer<ObjectNode> set(String path, Object value) {
        return root -> {
            var at = path.lastIndexOf('.');
            var parent = (ObjectNode) node(root, at < 0 ? "" : path.substring(0, at));
            parent.set(path.substring(at + 1), JSON.valueToTree(value));
        };
    }

    private static Consumer<ObjectNode> remove(String path) {
        return root -> {
            var at = path.lastIndexOf('.');
            ((ObjectNode) node(root, at < 0 ? "" : path.substring(0, at))).remove(path.substring(at + 1));
        };
    }

    private static Consumer<ObjectNode> append(String path, Object value) {
        return root -> ((ArrayNode) node(root, path)).add(JSON.<JsonNode>valueToTree(value));
    }

    /** The node at a path written as in the validator's messages, e.g. {@code clusters[0].replicas[1]}. */
    private static JsonNode node(JsonNode root, String path) {
        var node = root;
        var steps = STEP.matcher(path);
        while (steps.find()) {
            node = steps.group(1) != null ? node.get(steps.group(1)) : node.get(Integer.parseInt(steps.group(2)));
        }
        return node;
    }
}
