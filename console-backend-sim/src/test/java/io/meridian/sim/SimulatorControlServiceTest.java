package io.meridian.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meridian.client.Backend;
import io.meridian.client.BackendAddress;
import io.meridian.client.BackendException;
import io.meridian.client.ConnectionSecurity;
import io.meridian.client.SimulatorControl;
import io.meridian.server.BackendServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fault injection over a loopback socket: valid requests are described back, bad ones refused before any change. */
class SimulatorControlServiceTest {
    private BackendServer server;
    private Backend backend;
    private SimulatorControl control;
    private String link;

    @BeforeEach
    void start() throws Exception {
        var scenario = ShippedScenarios.load("phase-7p");
        server = SimulatedBackend.start(SimulatedBackend.Options.embedded(scenario, 1));
        // Injecting faults is a drill: the scenario's incident commander may, nobody else.
        backend = Backend.connectWith(new BackendAddress("127.0.0.1", server.port()),
                ConnectionSecurity.demo("camila.souza"));
        control = backend.simulatorControl();
        link = scenario.clusters().getFirst().replicas().get(0).id() + "->"
                + scenario.clusters().getFirst().replicas().get(1).id();
    }

    @AfterEach
    void stop() {
        backend.close();
        server.close();
    }

    @Test
    void validFaultsAreDescribedAndCleared() throws Exception {
        assertThat(control.injectLagSpike(link, 90, Duration.ofSeconds(60)))
                .isEqualTo("lag spike of 90.0 s on " + link + " for 60 s");
        assertThat(control.partitionLink(link, Duration.ofSeconds(10))).contains("partition of " + link);
        assertThat(control.shiftWorkload("eu-central-1", 1.8, Duration.ofMinutes(2))).contains("eu-central-1");
        assertThat(control.clearFaults()).isEqualTo("all faults cleared");
    }

    @Test
    void unknownTargetsAndAbsurdValuesAreRefused() {
        assertThatThrownBy(() -> control.injectLagSpike("no->such", 10, Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.getMessage())
                        .contains("NOT_FOUND").contains("no link 'no->such'"));
        assertThatThrownBy(() -> control.injectLagSpike(link, Double.NaN, Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.getMessage())
                        .contains("extra_lag_seconds"));
        assertThatThrownBy(() -> control.partitionLink(link, Duration.ZERO))
                .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.getMessage())
                        .contains("duration"));
        assertThatThrownBy(() -> control.skewClock("nobody", 5, Duration.ofSeconds(5)))
                .isInstanceOf(BackendException.class);
        assertThatThrownBy(() -> control.shiftWorkload("eu-central-1", 1e9, Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.getMessage())
                        .contains("latency_factor"));
    }
}
