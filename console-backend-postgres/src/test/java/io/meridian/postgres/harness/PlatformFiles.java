package io.meridian.postgres.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes platform files for test clusters: one region per server unless told otherwise, GDPR EU regions. */
public final class PlatformFiles {
    public static final String MONITOR_ENV = "TEST_PG_MONITOR_PASSWORD";
    public static final String ACTION_ENV = "TEST_PG_ACTION_PASSWORD";
    /** The environment the platform is given: both passwords, under the names the files use. */
    public static final Map<String, String> ENVIRONMENT = Map.of(MONITOR_ENV, PgCluster.MONITOR_PASSWORD,
            ACTION_ENV, PgCluster.ACTION_PASSWORD);

    /** One replica: its id, region, role, upstream (or null), synchronous flag, where it listens, extra JSON. */
    public record Replica(String id, String region, String role, String upstream, boolean sync, String host,
                          int port, String serverExtra) {}

    /** One cluster of replicas. */
    public record ClusterDef(String id, List<Replica> replicas) {}

    private PlatformFiles() {
    }

    /** A file for one cluster "orders" over every node, the first node primary and the others its standbys. */
    public static Path forCluster(PgCluster cluster, Path dir, String name, String syncStandby, String sectionExtra)
            throws IOException {
        var replicas = new ArrayList<Replica>();
        var nodes = cluster.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            var node = nodes.get(i);
            replicas.add(new Replica(node.name(), region(i), i == 0 ? "PRIMARY" : "STANDBY",
                    i == 0 ? null : nodes.getFirst().name(), node.name().equals(syncStandby), "127.0.0.1",
                    node.port(), ""));
        }
        return write(dir, name, List.of(new ClusterDef("orders", replicas)), sectionExtra);
    }

    public static String region(int index) {
        return List.of("eu-central-1", "eu-west-1", "eu-north-1", "eu-south-1", "eu-west-3").get(index);
    }

    public static Path write(Path dir, String name, List<ClusterDef> clusters, String sectionExtra)
            throws IOException {
        return write(dir, name, clusters, sectionExtra, Map.of());
    }

    /** As above, with each region's jurisdictions by region id; a region not named is GDPR. */
    public static Path write(Path dir, String name, List<ClusterDef> clusters, String sectionExtra,
                             Map<String, List<String>> jurisdictions) throws IOException {
        var regions = clusters.stream().flatMap(c -> c.replicas().stream()).map(Replica::region).distinct().toList();
        var json = new StringBuilder();
        json.append("""
                {
                  "schemaVersion": 1,
                  "name": "%s",
                  "title": "Test platform %s",
                  "source": "console-backend-postgres tests",
                  "summary": "PostgreSQL servers on loopback, started by the test harness.",
                  "targets": {"detectionSeconds": 5, "lagSloP95Seconds": 30, "lagBreakerSeconds": 60,
                              "clockOffsetMaxMicros": 1000, "availabilityPercent": 99.9,
                              "latencyP50Millis": 50, "latencyP95Millis": 200},
                  "tiers": [{"name": "HOT", "rtoSeconds": 300, "rpoSeconds": 0}],
                  "regions": [
                """.formatted(name, name));
        for (int i = 0; i < regions.size(); i++) {
            json.append("    {\"id\": \"").append(regions.get(i)).append("\", \"name\": \"Region ")
                    .append(regions.get(i)).append("\", \"provider\": \"On-premises\", \"location\": {\"lat\": ")
                    .append(45 + i).append(", \"lon\": ").append(5 + i)
                    .append("}, \"jurisdictions\": [")
                    .append(jurisdictions.getOrDefault(regions.get(i), List.of("GDPR")).stream()
                            .map(j -> "\"" + j + "\"").collect(java.util.stream.Collectors.joining(", ")))
                    .append("], \"tier\": \"HOT\", \"role\": \"PRIMARY\"}")
                    .append(i + 1 < regions.size() ? ",\n" : "\n");
        }
        json.append("  ],\n  \"clusters\": [\n");
        var servers = new ArrayList<String>();
        for (int c = 0; c < clusters.size(); c++) {
            var cluster = clusters.get(c);
            json.append("    {\"id\": \"").append(cluster.id()).append("\", \"name\": \"Cluster ").append(cluster.id())
                    .append("\", \"replicas\": [\n");
            for (int i = 0; i < cluster.replicas().size(); i++) {
                var r = cluster.replicas().get(i);
                json.append("      {\"id\": \"").append(r.id()).append("\", \"region\": \"").append(r.region())
                        .append("\", \"role\": \"").append(r.role()).append('"');
                if (r.upstream() != null) {
                    json.append(", \"upstream\": \"").append(r.upstream()).append("\", \"sync\": ").append(r.sync());
                }
                json.append('}').append(i + 1 < cluster.replicas().size() ? ",\n" : "\n");
                servers.add("      {\"replica\": \"" + r.id() + "\", \"host\": \"" + r.host() + "\", \"port\": "
                        + r.port() + ", \"database\": \"postgres\""
                        // Plain text on loopback unless the replica's extra JSON says otherwise.
                        + (r.serverExtra().contains("\"tlsMode\"") ? "" : ", \"tlsMode\": \"disable\"")
                        + r.serverExtra() + "}");
            }
            json.append("    ]}").append(c + 1 < clusters.size() ? ",\n" : "\n");
        }
        json.append("  ],\n  \"postgres\": {\n");
        json.append("    \"monitor\": {\"user\": \"").append(PgCluster.MONITOR_USER).append("\", \"passwordEnv\": \"")
                .append(MONITOR_ENV).append("\"},\n");
        json.append("    \"action\": {\"user\": \"").append(PgCluster.ACTION_USER).append("\", \"passwordEnv\": \"")
                .append(ACTION_ENV).append("\"},\n");
        json.append("    \"probeIntervalMillis\": 500,\n");
        if (!sectionExtra.isEmpty()) {
            json.append("    ").append(sectionExtra).append(",\n");
        }
        json.append("    \"servers\": [\n").append(String.join(",\n", servers)).append("\n    ]\n  }\n}\n");
        var file = dir.resolve(name + ".json");
        Files.writeString(file, json);
        return file;
    }
}
