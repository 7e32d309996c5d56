package io.meridian.server.access;

import java.util.Optional;

/** Who may call the backend: loaded from the server's access file, or the demo team of an embedded backend. */
public interface Identities {
    /** The identity with this id, if the backend knows it. */
    Optional<Identity> find(String id);
}
