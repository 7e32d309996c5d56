package io.meridian.client.grpc;

import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.meridian.api.v1.AuditServiceGrpc;
import io.meridian.api.v1.GetConsistencyProofRequest;
import io.meridian.api.v1.GetInclusionProofRequest;
import io.meridian.api.v1.GetLatestCheckpointRequest;
import io.meridian.api.v1.LookupQueryIdRequest;
import io.meridian.api.v1.Proof;
import io.meridian.api.v1.StreamEntriesRequest;
import io.meridian.audit.Hash;
import io.meridian.client.AuditReader;
import io.meridian.client.BackendException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@link AuditReader} over meridian.v1.AuditService. Pages entry ranges by the service's limit; every call has a
 * deadline; a proof hash that is not 32 bytes is a protocol error, reported as such.
 */
final class GrpcAuditReader implements AuditReader {
    /** The service streams at most this many entries per call. */
    static final int PAGE = 10_000;
    static final Duration STREAM_DEADLINE = Duration.ofSeconds(60);

    private final AuditServiceGrpc.AuditServiceBlockingStub stub;
    private final String target;

    GrpcAuditReader(Channel channel, String target) {
        this.stub = AuditServiceGrpc.newBlockingStub(channel);
        this.target = target;
    }

    @Override
    public String latestCheckpoint() throws BackendException {
        try {
            return unary().getLatestCheckpoint(GetLatestCheckpointRequest.getDefaultInstance()).getNote();
        } catch (StatusRuntimeException e) {
            throw GrpcErrors.translate(target, e);
        }
    }

    @Override
    public List<byte[]> entries(long start, long end) throws BackendException {
        var entries = new ArrayList<byte[]>();
        try {
            for (long from = start; from < end; from += PAGE) {
                var page = stub.withDeadlineAfter(STREAM_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
                        .streamEntries(StreamEntriesRequest.newBuilder().setStart(from)
                                .setEnd(Math.min(end, from + PAGE)).build());
                long expected = from;
                while (page.hasNext()) {
                    var entry = page.next();
                    if (entry.getIndex() != expected++) {
                        throw new BackendException(BackendException.Kind.FAILED, "backend " + target
                                + " sent entry " + entry.getIndex() + " where " + (expected - 1) + " belongs", null);
                    }
                    entries.add(entry.getEntry().toByteArray());
                }
            }
        } catch (StatusRuntimeException e) {
            throw GrpcErrors.translate(target, e);
        }
        return entries;
    }

    @Override
    public List<Hash> inclusionProof(long index, long treeSize) throws BackendException {
        try {
            return hashes(unary().getInclusionProof(GetInclusionProofRequest.newBuilder().setIndex(index)
                    .setTreeSize(treeSize).build()));
        } catch (StatusRuntimeException e) {
            throw GrpcErrors.translate(target, e);
        }
    }

    @Override
    public List<Hash> consistencyProof(long fromSize, long toSize) throws BackendException {
        try {
            return hashes(unary().getConsistencyProof(GetConsistencyProofRequest.newBuilder().setFromSize(fromSize)
                    .setToSize(toSize).build()));
        } catch (StatusRuntimeException e) {
            throw GrpcErrors.translate(target, e);
        }
    }

    @Override
    public Optional<QueryIdEntry> lookup(String queryId, long treeSize) throws BackendException {
        try {
            var answer = unary().lookupQueryId(LookupQueryIdRequest.newBuilder().setQueryId(queryId)
                    .setTreeSize(treeSize).build());
            return Optional.of(new QueryIdEntry(answer.getEntry().getIndex(), answer.getEntry().getEntry()
                    .toByteArray(), answer.getTreeSize(), hashes(answer.getProof())));
        } catch (StatusRuntimeException e) {
            // An unknown query id is an answer, not a failure.
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return Optional.empty();
            }
            throw GrpcErrors.translate(target, e);
        }
    }

    private AuditServiceGrpc.AuditServiceBlockingStub unary() {
        return stub.withDeadlineAfter(GrpcBackend.UNARY_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    }

    private List<Hash> hashes(Proof proof) throws BackendException {
        var hashes = new ArrayList<Hash>(proof.getHashesCount());
        for (var bytes : proof.getHashesList()) {
            if (bytes.size() != Hash.SIZE) {
                throw new BackendException(BackendException.Kind.FAILED, "backend " + target + " sent a proof hash of "
                        + bytes.size() + " bytes", null);
            }
            hashes.add(Hash.of(bytes.toByteArray()));
        }
        return hashes;
    }
}
