package io.meridian.console.drill;

import io.meridian.client.BackendException;
import io.meridian.client.DrillClient;
import io.meridian.client.DrillWatch;
import io.meridian.model.drill.Drill;
import io.meridian.model.drill.DrillRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * A drill backend without a server: every command answers with {@link #running}, a start on region {@code busy-1}
 * is refused, and the calls and the watch listeners are kept for the test to look at and feed.
 */
final class FakeDrillClient implements DrillClient {
    final List<DrillWatch.Listener> listeners = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    Drill running;

    FakeDrillClient(Drill running) {
        this.running = running;
    }

    @Override
    public Drill start(DrillRequest request) throws BackendException {
        calls.add("start " + request.type() + " " + request.targets() + " " + request.runbookName() + " "
                + request.runbookText().length());
        if (request.targets().contains("busy-1")) {
            throw new BackendException(BackendException.Kind.REFUSED, "region busy-1 is already in drill x", null);
        }
        return running;
    }

    @Override
    public Drill abort(String drillId, String reason) {
        calls.add("abort " + drillId + " " + reason);
        return running;
    }

    @Override
    public Drill confirmStep(String drillId, String stepId, String note) {
        calls.add("confirm " + stepId);
        return running;
    }

    @Override
    public Drill report(String drillId) {
        return running;
    }

    @Override
    public List<Drill> list() {
        return List.of();
    }

    @Override
    public DrillWatch watch(String drillId, DrillWatch.Listener listener) {
        listeners.add(listener);
        return () -> { };
    }
}
