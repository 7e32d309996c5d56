package io.meridian.postgres.harness;

import io.meridian.api.v1.DecisionRequest;
import io.meridian.api.v1.Proposal;
import io.meridian.audit.Ed25519PrivateKey;
import io.meridian.client.ActingIdentity;
import io.meridian.client.DecisionSigner;
import io.meridian.client.grpc.FailoverMapper;
import io.meridian.model.failover.DecisionDraft;
import io.meridian.model.failover.DecisionKind;
import io.meridian.model.session.Role;
import io.meridian.server.access.Identity;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Two operators, alice and bob, with fixed Ed25519 keys, who sign decisions exactly as the console does: through
 * {@link DecisionSigner}, mapped as the client maps them.
 */
public final class Approvers {
    private final Map<String, Ed25519PrivateKey> keys = Map.of("alice", key(11), "bob", key(12));
    private final Map<String, Identity> people = Map.of(
            "alice", new Identity("alice", "Alice", Set.of(Role.OPERATOR), keys.get("alice").publicKey()),
            "bob", new Identity("bob", "Bob", Set.of(Role.OPERATOR), keys.get("bob").publicKey()));

    /** The backend's view of a person, for its access policy. */
    public Identity identity(String who) {
        return people.get(who);
    }

    /** {@code who}'s signed approval of the proposal's current version. */
    public DecisionRequest approve(Proposal p, String who) {
        var signer = new ActingIdentity(who, who, Set.of(Role.OPERATOR), keys.get(who));
        return FailoverMapper.toProto(new DecisionSigner(Clock.systemUTC()).sign(new DecisionDraft(p.getId(),
                p.getVersion(), DecisionKind.APPROVE, "maintenance window agreed", List.of()), signer));
    }

    private static Ed25519PrivateKey key(int seed) {
        var bytes = new byte[32];
        bytes[0] = (byte) seed;
        return Ed25519PrivateKey.fromSeed(bytes);
    }
}
