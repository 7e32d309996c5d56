package io.meridian.console.session;

import io.meridian.client.Backend;
import io.meridian.client.BackendException;
import io.meridian.client.StreamStatus;
import io.meridian.console.topology.Freshness;
import io.meridian.model.session.Role;
import io.meridian.model.session.SessionInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The connection as the status bar and banner show it: who the backend is, how fast it answers, who we are, and
 * whether we are connected. A background poll asks the backend for its session every two seconds (measuring the
 * round trip); {@link #pulse} publishes the latest answer on the FX thread.
 */
public final class ConnectionViewModel implements AutoCloseable {
    /** What the status bar's state indicator shows. */
    public enum State { CONNECTING, CONNECTED, RECONNECTING, INCOMPATIBLE }

    static final Duration POLL_INTERVAL = Duration.ofSeconds(2);

    private final Backend backend;
    private final Clock clock;
    private final ScheduledExecutorService poller;
    private volatile PollResult latest;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private SessionInfo shown;

    // ---- Properties
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.CONNECTING);
    private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper("Connecting…");
    private final ReadOnlyStringWrapper backendText = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper latencyText = new ReadOnlyStringWrapper("RTT –");
    private final ReadOnlyStringWrapper scenarioText = new ReadOnlyStringWrapper("–");
    private final ReadOnlyStringWrapper callerText = new ReadOnlyStringWrapper("–");
    private final ReadOnlyStringWrapper callerIdentity = new ReadOnlyStringWrapper("unknown caller");
    private final ReadOnlyStringWrapper noticeText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper simulated = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper platformText = new ReadOnlyStringWrapper("");

    private record PollResult(SessionInfo session, Duration roundTrip, BackendException failure, Instant at) {}

    public ConnectionViewModel(Backend backend, Clock clock) {
        this.backend = backend;
        this.clock = clock;
        backendText.set(backend.target());
        this.poller = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("session-poll").factory());
        poller.scheduleWithFixedDelay(this::poll, 0, POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void poll() {
        var started = System.nanoTime();
        try {
            var session = backend.session();
            latest = new PollResult(session, Duration.ofNanos(System.nanoTime() - started), null, clock.instant());
        } catch (BackendException e) {
            var previous = latest;
            latest = new PollResult(previous == null ? null : previous.session(), null, e, clock.instant());
        }
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stateTextProperty() {
        return stateText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty backendTextProperty() {
        return backendText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty latencyTextProperty() {
        return latencyText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty scenarioTextProperty() {
        return scenarioText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty callerTextProperty() {
        return callerText.getReadOnlyProperty();
    }

    /** Who the backend says we are, e.g. for recording who acknowledged an alert. */
    /** What changed behind the connection that the operator should know, e.g. a restart with another scenario. */
    public ReadOnlyStringProperty noticeTextProperty() {
        return noticeText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty callerIdentityProperty() {
        return callerIdentity.getReadOnlyProperty();
    }

    /** True when the backend says nothing behind it is real; the banner binds to it. */
    public ReadOnlyBooleanProperty simulatedProperty() {
        return simulated.getReadOnlyProperty();
    }

    /** "SIMULATED …" or "LIVE: platform", for the banner and status bar. */
    public ReadOnlyStringProperty platformTextProperty() {
        return platformText.getReadOnlyProperty();
    }

    // ---- Commands

    /** Publishes the latest poll and the topology stream's status. FX thread only. */
    public void pulse(Instant now, StreamStatus stream, Instant lastContact) {
        var poll = latest;
        if (poll != null && poll.session() != null) {
            showSession(poll.session());
        }
        if (poll != null && poll.failure() != null
                && poll.failure().kind() == BackendException.Kind.INCOMPATIBLE) {
            state.set(State.INCOMPATIBLE);
            update(stateText, "Incompatible: " + poll.failure().getMessage());
            return;
        }
        if (poll != null && poll.roundTrip() != null) {
            update(latencyText, "RTT " + formatMillis(poll.roundTrip()));
        } else if (poll != null) {
            update(latencyText, "RTT –");
        }
        switch (stream) {
            case StreamStatus.Live live -> {
                state.set(State.CONNECTED);
                update(stateText, "Connected");
            }
            case StreamStatus.Connecting connecting -> {
                state.set(lastContact == null ? State.CONNECTING : State.RECONNECTING);
                update(stateText, lastContact == null ? "Connecting…"
                        : "Reconnecting… last contact " + Freshness.describe(Duration.between(lastContact, now))
                        + " ago");
            }
            case StreamStatus.Reconnecting r -> {
                state.set(State.RECONNECTING);
                update(stateText, "Reconnecting (attempt " + r.attempt() + ")"
                        + (lastContact == null ? "" : " · last contact "
                        + Freshness.describe(Duration.between(lastContact, now)) + " ago")
                        + " · " + r.cause());
            }
        }
    }

    private void showSession(SessionInfo s) {
        var previous = shown;
        shown = s;
        if (previous != null && !previous.server().instanceId().equals(s.server().instanceId())) {
            var scenarioChanged = !previous.platform().scenarioName().equals(s.platform().scenarioName());
            // A different backend behind the same address: say so, since everything shown is now its data.
            update(noticeText, scenarioChanged
                    ? "Backend restarted with another scenario: " + previous.platform().scenarioName() + " → "
                    + s.platform().scenarioName() + " (at " + TIME.format(s.serverTime()) + " UTC)"
                    : "Backend restarted at " + TIME.format(s.server().startedAt()) + " UTC");
        }
        update(backendText, s.server().name() + " " + s.server().version() + " @ " + backend.target());
        update(scenarioText, s.platform().scenarioName() + " · " + s.platform().scenarioTitle());
        update(callerIdentity, s.caller().identity());
        var roles = s.caller().roles().stream().sorted().map(Role::label).collect(Collectors.joining(", "));
        update(callerText, s.caller().identity() + " · " + (roles.isEmpty() ? "no role" : roles)
                + (s.caller().readOnly() ? " (read-only)" : ""));
        simulated.set(s.platform().simulated());
        update(platformText, s.platform().simulated()
                ? "SIMULATED" + (s.demoIdentities() ? " · DEMO IDENTITIES" : "") + " · scenario "
                + s.platform().scenarioName() + " · seed " + s.platform().seed()
                + " · nothing shown here is a real system"
                : "LIVE · " + s.platform().displayName());
    }

    /** Sets a text only when it changed, so bound labels are not laid out again every pulse. */
    private static void update(ReadOnlyStringWrapper property, String text) {
        if (!text.equals(property.get())) {
            property.set(text);
        }
    }

    private static String formatMillis(Duration d) {
        double ms = d.toNanos() / 1e6;
        return ms < 10 ? String.format("%.1f ms", ms) : String.format("%.0f ms", ms);
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
