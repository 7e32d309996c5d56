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

    private ActingIdentities(List<ActingIdentity> choices, boolean demo, ActingIdentity current) {
        this.choices = List.copyOf(choices);
        this.demo = demo;
        this.current = current;
    }

    /** No signing key: decisions are impossible, and the console says why. */
    public static ActingIdentities none() {
        return new ActingIdentities(List.of(), false, null);
    }

    /** One person with their own credentials. */
    public static ActingIdentities single(ActingIdentity identity) {
        return new ActingIdentities(List.of(Objects.requireNonNull(identity, "identity")), false, identity);
    }

    /**
     * A demo team whose members the user may switch between, acting first as {@code initial} (one of them), or as
     * the anonymous viewer until someone is chosen when it is empty.
     */
    public static ActingIdentities demoTeam(List<ActingIdentity> team, Optional<ActingIdentity> initial) {
        if (team.isEmpty()) {
            throw new IllegalArgumentException("a demo team needs at least one member");
        }
        initial.filter(who -> !team.contains(who)).ifPresent(who -> {
            throw new IllegalArgumentException(who.id() + " is not a member of the demo team");
        });
        return new ActingIdentities(team, true, initial.orElse(null));
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
