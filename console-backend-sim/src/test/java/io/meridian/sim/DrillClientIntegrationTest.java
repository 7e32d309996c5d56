package io.meridian.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meridian.client.BackendAddress;
import io.meridian.client.BackendException;
import io.meridian.client.ConnectionSecurity;
import io.meridian.client.DrillWatch;
import io.meridian.client.StreamStatus;
import io.meridian.client.grpc.GrpcBackend;
import io.meridian.model.drill.Drill;
import io.meridian.model.drill.DrillOutcome;
import io.meridian.model.drill.DrillRequest;
import io.meridian.model.drill.DrillState;
import io.meridian.model.drill.DrillType;
import io.meridian.model.drill.TimelineKind;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The drill client over a real loopback socket: start, watch to the last event, abort, refusals in words. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DrillClientIntegrationTest {
    private final DrillFixture fixture;
    private final GrpcBackend backend;

    DrillClientIntegrationTest() throws Exception {
        fixture = new DrillFixture();
        backend = GrpcBackend.connectWith(new BackendAddress("127.0.0.1", fixture.backend.port()),
                ConnectionSecurity.demo("carol"));
    }

    @AfterEach
    void stop() {
        backend.close();
        fixture.close();
    }

    @Test
    void aLagSpikeDrillStartedThroughTheClientIsWatchedToItsFinalReport() throws Exception {
        var drills = backend.drills();
        var started = drills.start(new DrillRequest(DrillType.LAG_SPIKE, List.of("ap-south-1"),
                Map.of("duration_seconds", "20"), "", ""));
        var seen = new CopyOnWriteArrayList<Drill>();
        var last = new CopyOnWriteArrayList<Boolean>();
        try (DrillWatch watch = drills.watch(started.id(), new DrillWatch.Listener() {
            @Override
            public void onDrill(Drill drill, boolean isLast) {
                seen.add(drill);
                last.add(isLast);
            }

            @Override
            public void onStatus(StreamStatus status) {
            }
        })) {
            DrillFixture.await(() -> last.contains(true));
        }
        var report = seen.getLast();
        assertThat(report.state()).isEqualTo(DrillState.COMPLETED);
        assertThat(report.outcome()).isEqualTo(DrillOutcome.PASSED);
        assertThat(report.timeline()).extracting(e -> e.kind()).contains(TimelineKind.DETECTED,
                TimelineKind.FAULT_LIFTED, TimelineKind.RECOVERED);
        assertThat(report.speed()).as("platform time over wall clock at 20x").isGreaterThan(5);
        assertThat(drills.report(started.id())).isEqualTo(report);
        assertThat(drills.list()).extracting(Drill::id).contains(started.id());
    }

    @Test
    void anAbortThroughTheClientRestoresThePlatform() throws Exception {
        var drills = backend.drills();
        var started = drills.start(DrillRequest.of(DrillType.REGION_OUTAGE, "us-east-1"));
        DrillFixture.await(() -> fixture.platform.activeFaults() == 1);
        drills.abort(started.id(), "drill called off");
        DrillFixture.await(() -> {
            try {
                return drills.report(started.id()).state() == DrillState.ABORTED;
            } catch (BackendException e) {
                throw new AssertionError(e);
            }
        });
        assertThat(fixture.platform.activeFaults()).isZero();
        assertThat(drills.report(started.id()).stateDetail()).contains("drill called off");
    }

    @Test
    void onlyAnIncidentCommanderMayStartADrill() throws Exception {
        try (var viewer = GrpcBackend.connect(new BackendAddress("127.0.0.1", fixture.backend.port()), null)) {
            assertThatThrownBy(() -> viewer.drills().start(DrillRequest.of(DrillType.REGION_OUTAGE, "us-east-1")))
                    .isInstanceOf(BackendException.class).hasMessageContaining("PERMISSION_DENIED");
            assertThat(viewer.drills().list()).as("any role may list").isEmpty();
        }
        assertThat(fixture.platform.activeFaults()).isZero();
    }

    @Test
    void refusalsReachTheClientInWords() {
        var drills = backend.drills();
        assertThatThrownBy(() -> drills.start(DrillRequest.of(DrillType.REGION_OUTAGE, "mars-1")))
                .isInstanceOf(BackendException.class).hasMessageContaining("no region 'mars-1'");
        assertThatThrownBy(() -> drills.start(new DrillRequest(DrillType.RUNBOOK, List.of(), Map.of(), "mine.json",
                "{\"runbook\": \"x\", \"title\": \"t\", \"scenario\": \"phase-7p\", \"steps\": [\n"
                        + "{\"id\": \"a\", \"kind\": \"teleport\", \"title\": \"x\"}]}")))
                .hasMessageContaining("mine.json line 2, step 1 'a': unknown step kind 'teleport'");
        assertThatThrownBy(() -> drills.start(DrillRequest.shippedRunbook("hvac-weekly")))
                .hasMessageContaining("no shipped runbook 'hvac-weekly'");
    }
}
