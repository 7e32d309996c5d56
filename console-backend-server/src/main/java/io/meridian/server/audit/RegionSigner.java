package io.meridian.server.audit;

import io.meridian.audit.Ed25519PrivateKey;

/** A region's entry signing key under its key id. */
public record RegionSigner(String region, String keyId, Ed25519PrivateKey key) {
}
