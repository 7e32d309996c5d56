package io.meridian.model.topology;

/** Role of a replica in its cluster. */
public enum ReplicaRole {
    PRIMARY, STANDBY
}
