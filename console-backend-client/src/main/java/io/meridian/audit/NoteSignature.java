package io.meridian.audit;

import java.util.Arrays;

/**
 * One signature line of a signed note: the key name, the 4-byte key hash and the signature bytes as they appear. A
 * line by an unknown key may use another algorithm, so the signature length is only checked against a known key.
 */
public record NoteSignature(String keyName, int keyHash, byte[] signature) {
    public NoteSignature {
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NoteSignature other && keyName.equals(other.keyName) && keyHash == other.keyHash
                && Arrays.equals(signature, other.signature);
    }

    @Override
    public int hashCode() {
        return keyName.hashCode() * 31 + keyHash;
    }

    @Override
    public String toString() {
        return "NoteSignature[" + keyName + "+" + NoteKey.keyHashHex(keyHash) + "]";
    }
}
