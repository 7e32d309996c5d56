package io.meridian.server.access;

import io.meridian.audit.Ed25519PublicKey;
import io.meridian.model.session.Role;
import java.util.Objects;
import java.util.Set;

/**
 * A person the backend knows: the id their client certificate (or demo sign-in) carries, a display name, their
 * roles, and the Ed25519 public key their signed decisions must verify against.
 */
public record Identity(String id, String displayName, Set<Role> roles, Ed25519PublicKey signingKey) {
    public Identity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(signingKey, "signingKey");
    }
}
