package io.meridian.client;

import io.meridian.model.session.SessionInfo;

/**
 * A connection to a Meridian backend, in domain terms only: callers never see gRPC. Blocking calls carry deadlines
 * and belong off the UI thread; watches call their listeners on background threads.
 */
public interface Backend extends AutoCloseable {
    /** Where the backend is, for messages and the status bar, e.g. "127.0.0.1:50051". */
    String target();

    /**
     * Asks who the backend is and who we are. Fails with {@link BackendException} when the backend cannot be
     * reached in time or speaks an incompatible API version.
     */
    SessionInfo session() throws BackendException;

    /** Opens a topology watch that reconnects by itself and resumes from the last event it delivered. */
    TopologyWatch watchTopology(TopologyWatch.Listener listener);

    /** The backend's audit log, read over this connection (to be verified by the caller). */
    AuditReader audit();

    /** Closes the connection and every watch opened on it. */
    @Override
    void close();
}
