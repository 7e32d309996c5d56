package io.meridian.server.audit;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.meridian.api.v1.AuditEntryBytes;
import io.meridian.api.v1.AuditServiceGrpc;
import io.meridian.api.v1.GetConsistencyProofRequest;
import io.meridian.api.v1.GetInclusionProofRequest;
import io.meridian.api.v1.GetLatestCheckpointRequest;
import io.meridian.api.v1.GetSignerKeysRequest;
import io.meridian.api.v1.LookupQueryIdRequest;
import io.meridian.api.v1.LookupQueryIdResponse;
import io.meridian.api.v1.Proof;
import io.meridian.api.v1.RegionSignerKey;
import io.meridian.api.v1.SignedCheckpoint;
import io.meridian.api.v1.SignerKeys;
import io.meridian.api.v1.StreamEntriesRequest;
import io.meridian.audit.Hash;
import io.meridian.audit.NoteKey;
import java.io.IOException;
import java.util.List;

/**
 * meridian.v1.AuditService over an {@link AuditLog}. Proofs are served only for tree sizes up to the latest published
 * checkpoint, so every answer can be checked against a signed root; bad ranges are INVALID_ARGUMENT or OUT_OF_RANGE
 * with a message saying which bound was broken.
 */
public final class AuditService extends AuditServiceGrpc.AuditServiceImplBase {
    /** Entries per StreamEntries call: bounds what one slow reader can make the server buffer. */
    public static final int MAX_STREAM = 10_000;

    private final AuditLog log;
    private final List<NoteKey> checkpointKeys;
    private final List<RegionSigner> regionSigners;

    public AuditService(AuditLog log, List<NoteKey> checkpointKeys, List<RegionSigner> regionSigners) {
        this.log = log;
        this.checkpointKeys = List.copyOf(checkpointKeys);
        this.regionSigners = List.copyOf(regionSigners);
    }

    @Override
    public void getLatestCheckpoint(GetLatestCheckpointRequest request, StreamObserver<SignedCheckpoint> responses) {
        responses.onNext(SignedCheckpoint.newBuilder().setNote(log.latestCheckpoint().format()).build());
        responses.onCompleted();
    }

    @Override
    public void streamEntries(StreamEntriesRequest request, StreamObserver<AuditEntryBytes> responses) {
        long published = publishedSize();
        long start = request.getStart();
        long end = request.getEnd();
        if (start < 0 || end < start || end - start > MAX_STREAM) {
            responses.onError(Status.INVALID_ARGUMENT.withDescription("range [" + start + ", " + end
                    + ") must be ordered and at most " + MAX_STREAM + " entries").asRuntimeException());
            return;
        }
        if (end > published) {
            responses.onError(Status.OUT_OF_RANGE.withDescription("end " + end + " is beyond the latest checkpoint's"
                    + " size " + published).asRuntimeException());
            return;
        }
        try {
            for (long i = start; i < end; i++) {
                responses.onNext(entry(i));
            }
            responses.onCompleted();
        } catch (IOException e) {
            responses.onError(Status.INTERNAL.withDescription("reading the log: " + e.getMessage())
                    .asRuntimeException());
        }
    }

    @Override
    public void lookupQueryId(LookupQueryIdRequest request, StreamObserver<LookupQueryIdResponse> responses) {
        long size = request.getTreeSize() == 0 ? publishedSize() : request.getTreeSize();
        var index = log.lookup(request.getQueryId());
        if (index.isEmpty() || index.getAsLong() >= size) {
            responses.onError(Status.NOT_FOUND.withDescription("query id '" + request.getQueryId()
                    + "' is not in the tree of size " + size).asRuntimeException());
            return;
        }
        if (!checkSize(size, responses)) {
            return;
        }
        try {
            responses.onNext(LookupQueryIdResponse.newBuilder().setEntry(entry(index.getAsLong())).setTreeSize(size)
                    .setProof(proof(log.inclusionProof(index.getAsLong(), size))).build());
            responses.onCompleted();
        } catch (IOException e) {
            responses.onError(Status.INTERNAL.withDescription("reading the log: " + e.getMessage())
                    .asRuntimeException());
        }
    }

    @Override
    public void getInclusionProof(GetInclusionProofRequest request, StreamObserver<Proof> responses) {
        if (!checkSize(request.getTreeSize(), responses)) {
            return;
        }
        if (request.getIndex() < 0 || request.getIndex() >= request.getTreeSize()) {
            responses.onError(Status.INVALID_ARGUMENT.withDescription("index " + request.getIndex()
                    + " is not in a tree of size " + request.getTreeSize()).asRuntimeException());
            return;
        }
        responses.onNext(proof(log.inclusionProof(request.getIndex(), request.getTreeSize())));
        responses.onCompleted();
    }

    @Override
    public void getConsistencyProof(GetConsistencyProofRequest request, StreamObserver<Proof> responses) {
        if (!checkSize(request.getToSize(), responses)) {
            return;
        }
        if (request.getFromSize() <= 0 || request.getFromSize() > request.getToSize()) {
            responses.onError(Status.INVALID_ARGUMENT.withDescription("no consistency proof from size "
                    + request.getFromSize() + " to " + request.getToSize()).asRuntimeException());
            return;
        }
        responses.onNext(proof(log.consistencyProof(request.getFromSize(), request.getToSize())));
        responses.onCompleted();
    }

    @Override
    public void getSignerKeys(GetSignerKeysRequest request, StreamObserver<SignerKeys> responses) {
        var keys = SignerKeys.newBuilder();
        checkpointKeys.forEach(k -> keys.addCheckpointKeys(k.format()));
        for (var signer : regionSigners) {
            keys.addRegionKeys(RegionSignerKey.newBuilder().setRegion(signer.region()).setKeyId(signer.keyId())
                    .setPublicKey(ByteString.copyFrom(signer.key().publicKey().bytes())));
        }
        responses.onNext(keys.build());
        responses.onCompleted();
    }

    private long publishedSize() {
        return log.latestCheckpointBody().size();
    }

    /** A tree size proofs may be asked for: 1..the latest checkpoint's. */
    private boolean checkSize(long size, StreamObserver<?> responses) {
        long published = publishedSize();
        if (size <= 0 || size > published) {
            responses.onError(Status.OUT_OF_RANGE.withDescription("tree size " + size + " is not between 1 and the"
                    + " latest checkpoint's size " + published).asRuntimeException());
            return false;
        }
        return true;
    }

    private AuditEntryBytes entry(long index) throws IOException {
        return AuditEntryBytes.newBuilder().setIndex(index).setEntry(ByteString.copyFrom(log.entry(index))).build();
    }

    private static Proof proof(List<Hash> hashes) {
        var proof = Proof.newBuilder();
        hashes.forEach(h -> proof.addHashes(ByteString.copyFrom(h.bytes())));
        return proof.build();
    }
}
