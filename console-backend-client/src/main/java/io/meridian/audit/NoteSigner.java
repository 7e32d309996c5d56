package io.meridian.audit;

/** A signed-note key with its private half: what a log (or a cosigning region) signs checkpoints with. */
public record NoteSigner(NoteKey key, Ed25519PrivateKey privateKey) {
    public static NoteSigner of(String name, Ed25519PrivateKey privateKey) {
        return new NoteSigner(NoteKey.of(name, privateKey.publicKey()), privateKey);
    }

    byte[] sign(byte[] message) {
        return privateKey.sign(message);
    }
}
