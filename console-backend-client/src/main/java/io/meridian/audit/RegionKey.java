package io.meridian.audit;

/** A region signer's public key under its key id, the key that entries of that region must be signed with. */
public record RegionKey(String region, String keyId, Ed25519PublicKey publicKey) {
}
