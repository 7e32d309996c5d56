package io.meridian.console.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.meridian.client.ActingIdentities;
import io.meridian.client.AuditReader;
import io.meridian.client.DrillClient;
import io.meridian.client.Backend;
import io.meridian.client.FailoverClient;
import io.meridian.client.SimulatorControl;
import io.meridian.client.StreamStatus;
import io.meridian.client.TelemetryWatch;
import io.meridian.client.TopologyWatch;
import io.meridian.model.session.Caller;
import io.meridian.model.session.PlatformInfo;
import io.meridian.model.session.Role;
import io.meridian.model.session.ServerIdentity;
import io.meridian.model.session.SessionInfo;
import io.meridian.model.telemetry.TelemetrySample;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The connection view-model against a backend that restarts with another scenario behind the same address. */
class ConnectionViewModelTest {
    private volatile SessionInfo answer = session("instance-1", "phase-7p");

    private static SessionInfo session(String instance, String scenario) {
        var at = Instant.parse("2026-11-25T12:00:00Z");
        return new SessionInfo(new ServerIdentity("meridian-backend", "0.1.0", 1, 0, instance, at),
                new PlatformInfo("simulator", "Simulated platform", true, scenario, scenario, 1),
                new Caller("anonymous", Set.of(Role.VIEWER), "none"), at);
    }

    private final Backend backend = new Backend() {
        @Override
        public String target() {
            return "127.0.0.1:50051";
        }

        @Override
        public SessionInfo session() {
            return answer;
        }

        @Override
        public TopologyWatch watchTopology(TopologyWatch.Listener listener) {
            throw new UnsupportedOperationException("not used");
        }

        @Override
        public TelemetryWatch watchTelemetry(int maxSamplesPerSecond, TelemetryWatch.Listener listener) {
            throw new UnsupportedOperationException("not used");
        }

        @Override
        public List<TelemetrySample> telemetryHistory(String key, Duration window, Duration resolution) {
            throw new UnsupportedOperationException("not used");
        }

        @Override
        public ActingIdentities identities() {
            return ActingIdentities.none();
        }

        @Override
        public FailoverClient failover() {
            throw new UnsupportedOperationException("not used");
        }

        @Override
        public SimulatorControl simulatorControl() {
            throw new UnsupportedOperationException("not used");
        }

        @Override
        public AuditReader audit() {
            throw new UnsupportedOperationException("not used");
        }

        @Override
        public DrillClient drills() {
            throw new UnsupportedOperationException("not used");
        }

        @Override
        public void close() {
        }
    };

    @Test
    void aBackendThatComesBackWithAnotherScenarioIsNamedAsSuch() throws Exception {
        try (var connection = new ConnectionViewModel(backend, Clock.systemUTC())) {
            var live = new StreamStatus.Live(Instant.now());
            awaitPulsing(connection, live, () -> connection.scenarioTextProperty().get().startsWith("phase-7p"));
            assertThat(connection.noticeTextProperty().get()).isEmpty();

            answer = session("instance-2", "sovren");
            awaitPulsing(connection, live, () -> !connection.noticeTextProperty().get().isEmpty());
            assertThat(connection.noticeTextProperty().get())
                    .contains("another scenario").contains("phase-7p → sovren");
            assertThat(connection.scenarioTextProperty().get()).startsWith("sovren");
            assertThat(connection.platformTextProperty().get()).contains("scenario sovren");
        }
    }

    @Test
    void aRestartWithTheSameScenarioIsNamedToo() throws Exception {
        try (var connection = new ConnectionViewModel(backend, Clock.systemUTC())) {
            var live = new StreamStatus.Live(Instant.now());
            awaitPulsing(connection, live, () -> connection.scenarioTextProperty().get().startsWith("phase-7p"));
            answer = session("instance-2", "phase-7p");
            awaitPulsing(connection, live, () -> !connection.noticeTextProperty().get().isEmpty());
            assertThat(connection.noticeTextProperty().get()).startsWith("Backend restarted at 12:00:00 UTC");
        }
    }

    @Test
    void demoIdentitiesAreNamedNextToSimulated() throws Exception {
        var demo = session("instance-1", "phase-7p");
        answer = new SessionInfo(demo.server(), demo.platform(),
                new Caller("camila.souza", Set.of(Role.INCIDENT_COMMANDER), "demo identity (loopback, no TLS)"),
                demo.serverTime(), true);
        try (var connection = new ConnectionViewModel(backend, Clock.systemUTC())) {
            awaitPulsing(connection, new StreamStatus.Live(Instant.now()),
                    () -> !connection.platformTextProperty().get().isEmpty());
            assertThat(connection.platformTextProperty().get()).startsWith("SIMULATED · DEMO IDENTITIES · ");
            assertThat(connection.callerTextProperty().get()).startsWith("camila.souza · incident-commander");
        }
    }

    /** Pulses as the window's timer would until the condition holds; the poll runs every two seconds. */
    private static void awaitPulsing(ConnectionViewModel connection, StreamStatus status, BooleanSupplier condition)
            throws InterruptedException {
        var deadline = Instant.now().plusSeconds(15);
        while (true) {
            connection.pulse(Instant.now(), status, Instant.now());
            if (condition.getAsBoolean()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within 15 s");
            }
            Thread.sleep(50);
        }
    }
}
