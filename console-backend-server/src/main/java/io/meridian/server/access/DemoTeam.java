package io.meridian.server.access;

import io.meridian.audit.Ed25519PrivateKey;
import io.meridian.model.session.Role;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The demo team of an embedded or loopback demo backend: the scenario's people, each with a fresh Ed25519 signing
 * key pair made at start and kept in memory only. The backend verifies decisions against the public halves
 * ({@link Identities}); the console of the same process signs with the private halves ({@link #signingKey}), so a
 * demo needs no key files. Nothing here is a credential anyone else holds: the keys die with the process.
 */
public final class DemoTeam implements Identities {
    /** One person of the team as the scenario names them. */
    public record Member(String id, String name, Set<Role> roles) {
        public Member {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            roles = Set.copyOf(roles);
        }
    }

    private final Map<String, Identity> identities;
    private final Map<String, Ed25519PrivateKey> keys;

    private DemoTeam(Map<String, Identity> identities, Map<String, Ed25519PrivateKey> keys) {
        this.identities = identities;
        this.keys = keys;
    }

    /** Gives every member a fresh key pair; ids must be distinct. An empty list makes a team nobody can join. */
    public static DemoTeam generate(List<Member> members) {
        var random = new SecureRandom();
        var identities = new LinkedHashMap<String, Identity>();
        var keys = new LinkedHashMap<String, Ed25519PrivateKey>();
        for (var member : members) {
            byte[] seed = new byte[32];
            random.nextBytes(seed);
            var key = Ed25519PrivateKey.fromSeed(seed);
            Arrays.fill(seed, (byte) 0);
            if (identities.putIfAbsent(member.id(), new Identity(member.id(), member.name(), member.roles(),
                    key.publicKey())) != null) {
                throw new IllegalArgumentException("demo team member '" + member.id() + "' is listed twice");
            }
            keys.put(member.id(), key);
        }
        return new DemoTeam(identities, keys);
    }

    @Override
    public Optional<Identity> find(String id) {
        return Optional.ofNullable(identities.get(id));
    }

    /** The members in the scenario's order. */
    public List<Identity> identities() {
        return List.copyOf(identities.values());
    }

    /** The private signing key of a member, for the console of this process to sign that member's decisions. */
    public Optional<Ed25519PrivateKey> signingKey(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    @Override
    public String toString() {
        return "DemoTeam" + identities.keySet();
    }
}
