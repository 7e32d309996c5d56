package io.meridian.client;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who a console may act as, and who it acts as now. A console with real credentials acts as one person (the holder
 * of its certificate and signing key); an embedded demo backend hands the console its demo team, so that one person
 * can play two operators for the two-person rule, and says so on screen. A console without a signing key acts as
 * nobody: it watches proposals but cannot decide. Thread-safe: calls read the current identity from any thread.
 */
public final class ActingIdentities {
    private final List<ActingIdentity> choices;
    private final boolean demo;
    private volatile ActingIdentity current;

    private ActingIdentities(List<ActingIdentity> choices, boolean demo) {
        this.choices = List.copyOf(choices);
        this.demo = demo;
        this.current = this.choices.isEmpty() ? null : this.choices.getFirst();
    }

    /** No signing key: decisions are impossible, and the console says why. */
    public static ActingIdentities none() {
        return new ActingIdentities(List.of(), false);
    }

    /** One person with their own credentials. */
    public static ActingIdentities single(ActingIdentity identity) {
        return new ActingIdentities(List.of(Objects.requireNonNull(identity, "identity")), false);
    }

    /** A demo team whose members the user may switch between; the first acts until another is chosen. */
    public static ActingIdentities demoTeam(List<ActingIdentity> team) {
        if (team.isEmpty()) {
            throw new IllegalArgumentException("a demo team needs at least one member");
        }
        return new ActingIdentities(team, true);
    }

    public List<ActingIdentity> choices() {
        return choices;
    }

    /** True for a demo team: the console shows a switcher and says that these identities are not real people. */
    public boolean demo() {
        return demo;
    }

    public Optional<ActingIdentity> current() {
        return Optional.ofNullable(current);
    }

    /** Acts as {@code identity} from the next call on; it must be one of {@link #choices()}. */
    public void actAs(ActingIdentity identity) {
        if (!choices.contains(identity)) {
            throw new IllegalArgumentException(identity.id() + " is not an identity this console may act as");
        }
        current = identity;
    }
}
