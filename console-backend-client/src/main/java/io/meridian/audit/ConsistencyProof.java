package io.meridian.audit;

import java.util.List;

/** A consistency proof as a bundle carries it: RFC 9162 PROOF(fromSize, D[0..toSize)). */
public record ConsistencyProof(long fromSize, long toSize, List<Hash> hashes) {
    public ConsistencyProof {
        hashes = List.copyOf(hashes);
    }
}
