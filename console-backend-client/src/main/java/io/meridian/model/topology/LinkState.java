package io.meridian.model.topology;

/** State of a replication link. */
public enum LinkState {
    STREAMING, CATCHING_UP, DISCONNECTED
}
