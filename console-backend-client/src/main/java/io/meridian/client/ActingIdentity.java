package io.meridian.client;

import io.meridian.audit.Ed25519PrivateKey;
import io.meridian.model.session.Role;
import java.util.Objects;
import java.util.Set;

/**
 * The person the console acts as: the id the backend knows them by, a name to show, their roles (to disable what
 * they may not do; the backend enforces them) and the private key their decisions are signed with.
 * {@link #toString()} never shows the key.
 */
public record ActingIdentity(String id, String displayName, Set<Role> roles, Ed25519PrivateKey signingKey) {
    public ActingIdentity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(signingKey, "signingKey");
    }

    /** True when the identity may approve or reject failovers. */
    public boolean decides() {
        return roles.contains(Role.OPERATOR) || roles.contains(Role.INCIDENT_COMMANDER);
    }

    @Override
    public String toString() {
        return "ActingIdentity[" + id + ", " + displayName + ", " + roles + "]";
    }
}
