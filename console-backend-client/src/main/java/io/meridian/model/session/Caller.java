package io.meridian.model.session;

import java.util.Objects;
import java.util.Set;

/** A caller as the backend authenticated it. */
public record Caller(String identity, Set<Role> roles, String authentication) {
    public Caller {
        Objects.requireNonNull(identity, "identity");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(authentication, "authentication");
    }

    /** True when the caller may change nothing: it holds no role beyond {@link Role#VIEWER}. */
    public boolean readOnly() {
        return roles.stream().allMatch(role -> role == Role.VIEWER);
    }
}
