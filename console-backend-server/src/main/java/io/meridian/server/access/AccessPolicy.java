package io.meridian.server.access;

import java.util.Objects;
import java.util.Optional;

/**
 * How a backend learns who calls it. Client certificates are honoured whenever the transport carries them (mutual
 * TLS): their subject CN names one of {@code identities}. A demo backend also lets a client name a demo identity in
 * a header, without proof; only a loopback backend without TLS may run so, and the session tells every console that
 * it does. A caller who presents neither is the anonymous viewer.
 */
public record AccessPolicy(Identities identities, Mode mode) {
    /** Where identities come from. */
    public enum Mode {
        /** Nobody is known: every caller is the anonymous viewer. */
        ANONYMOUS,
        /** Client certificates, checked against an access file. */
        CERTIFICATES,
        /** A demo team, chosen by name in a header. */
        DEMO
    }

    private static final Identities NOBODY = id -> Optional.empty();

    public AccessPolicy {
        Objects.requireNonNull(identities, "identities");
        Objects.requireNonNull(mode, "mode");
    }

    /** A backend without an access file. */
    public static AccessPolicy anonymousOnly() {
        return new AccessPolicy(NOBODY, Mode.ANONYMOUS);
    }

    /** Callers prove who they are with a client certificate whose CN is an id of {@code identities}. */
    public static AccessPolicy certificates(Identities identities) {
        return new AccessPolicy(identities, Mode.CERTIFICATES);
    }

    /** A loopback demo: callers pick one of {@code team} by name in the demo identity header. */
    public static AccessPolicy demo(Identities team) {
        return new AccessPolicy(team, Mode.DEMO);
    }

    /** True when clients may name a demo identity without proof. */
    public boolean demoIdentities() {
        return mode == Mode.DEMO;
    }
}
