package io.meridian.client;

import io.meridian.model.drill.Drill;
import io.meridian.model.drill.DrillRequest;
import java.util.List;

/**
 * Disaster-recovery drills over a backend connection, in domain terms. Blocking calls carry deadlines and belong off
 * the UI thread; a refusal (bad target, region busy or failing, bad runbook) is a {@link BackendException} of kind
 * REFUSED whose message is the backend's.
 */
public interface DrillClient {
    Drill start(DrillRequest request) throws BackendException;

    /** Stops a running drill; the backend lifts its faults. */
    Drill abort(String drillId, String reason) throws BackendException;

    /** Confirms a manual step waiting for the caller. */
    Drill confirmStep(String drillId, String stepId, String note) throws BackendException;

    Drill report(String drillId) throws BackendException;

    /** Every drill of the backend, newest first. */
    List<Drill> list() throws BackendException;

    /** Follows one drill until it ends; reconnects by itself, and every event carries the whole drill. */
    DrillWatch watch(String drillId, DrillWatch.Listener listener);
}
