package io.meridian.console.drill;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.meridian.model.drill.Drill;
import io.meridian.model.drill.Measure;
import io.meridian.model.drill.TimelineEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;

import java.util.Map;

/**
 * A drill's report as JSON: times as ISO-8601 instants in platform time, durations in milliseconds (with the
 * wall-clock figure beside the platform one), and the audit record with its signed checkpoint, so a tool or another
 * auditor can check it. Field names are stable; new ones may be added.
 */
final class DrillReportJson {
    static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DrillReportJson() {
    }

    static void write(Drill drill, Path file) throws IOException {
        Files.writeString(file, text(drill));
    }

    static String text(Drill d) throws IOException {
        var root = new LinkedHashMap<String, Object>();
        root.put("format", "meridian-drill-report/" + FORMAT);
        root.put("id", d.id());
        root.put("title", d.title());
        root.put("type", d.type().name());
        root.put("runbook", d.runbookName());
        root.put("targets", d.targets());
        root.put("declaredFaults", d.declaredFaults());
        root.put("state", d.state().name());
        root.put("stateDetail", d.stateDetail());
        root.put("outcome", d.outcome().name());
        root.put("startedBy", d.startedBy());
        root.put("startedAt", instant(d.startedAt()));
        root.put("endedAt", instant(d.endedAt()));
        root.put("timeBase", d.speed() > 1.05 ? "simulated platform time, " + DrillText.speed(d.speed())
                + " faster than the wall clock" : "platform time (real time)");
        root.put("platformElapsedMillis", millis(d.platformElapsed()));
        root.put("wallClockElapsedMillis", millis(d.wallElapsed()));
        root.put("measures", d.measures().stream().map(DrillReportJson::measure).toList());
        root.put("decisions", d.decisions().stream().map(x -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("proposalId", x.proposalId());
            m.put("cluster", x.clusterId());
            m.put("identity", x.identity());
            m.put("name", x.displayName());
            m.put("decision", x.approved() ? "APPROVE" : "REJECT");
            m.put("reason", x.reason());
            m.put("recordedAt", instant(x.decidedAt()));
            return m;
        }).toList());
        root.put("steps", d.steps().stream().map(s -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("id", s.id());
            m.put("title", s.title());
            m.put("kind", s.kind().name());
            m.put("status", s.status().name());
            m.put("confirmBy", s.confirmBy());
            m.put("confirmedBy", s.confirmedBy());
            m.put("detail", s.detail());
            return m;
        }).toList());
        root.put("timeline", d.timeline().stream().map(DrillReportJson::event).toList());
        var audit = new LinkedHashMap<String, Object>();
        audit.put("available", d.audit().available());
        audit.put("detail", d.audit().detail());
        audit.put("entryIndexes", d.audit().entryIndexes());
        audit.put("checkpointSize", d.audit().checkpointSize());
        audit.put("checkpoint", d.audit().checkpointNote());
        root.put("audit", audit);
        return JSON.writeValueAsString(root);
    }

    private static Map<String, Object> measure(Measure m) {
        var out = new LinkedHashMap<String, Object>();
        out.put("name", m.name());
        out.put("subject", m.subject());
        out.put("measuredMillis", millis(m.measured()));
        out.put("wallClockMillis", millis(m.wallMeasured()));
        out.put("targetMillis", millis(m.target()));
        out.put("targetBasis", m.targetBasis());
        out.put("verdict", m.verdict().name());
        out.put("note", m.note());
        return out;
    }

    private static Map<String, Object> event(TimelineEntry e) {
        var out = new LinkedHashMap<String, Object>();
        out.put("at", instant(e.at()));
        out.put("wallClockOffsetMillis", millis(e.wallOffset()));
        out.put("kind", e.kind().name());
        out.put("subject", e.subject());
        out.put("actor", e.actor());
        out.put("detail", e.detail());
        if (e.value() != null) {
            out.put("valueMillis", millis(e.value()));
        }
        return out;
    }

    private static Object instant(Instant at) {
        return at == null ? null : at.toString();
    }

    private static Object millis(Duration d) {
        return d == null ? null : d.toMillis();
    }
}
