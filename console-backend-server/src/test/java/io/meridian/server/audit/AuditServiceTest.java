package io.meridian.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.meridian.api.v1.AuditServiceGrpc;
import io.meridian.api.v1.GetConsistencyProofRequest;
import io.meridian.api.v1.GetInclusionProofRequest;
import io.meridian.api.v1.GetLatestCheckpointRequest;
import io.meridian.api.v1.GetSignerKeysRequest;
import io.meridian.api.v1.LookupQueryIdRequest;
import io.meridian.api.v1.Proof;
import io.meridian.api.v1.StreamEntriesRequest;
import io.meridian.audit.Checkpoint;
import io.meridian.audit.ConsistencyProofs;
import io.meridian.audit.EntryCodec;
import io.meridian.audit.Hash;
import io.meridian.audit.InclusionProofs;
import io.meridian.audit.NoteKey;
import io.meridian.audit.SignedNote;
import io.meridian.audit.TreeHasher;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit service in process: everything it serves verifies against the pinned keys with the client library. */
class AuditServiceTest {
    @TempDir
    Path dir;
    private AuditLog log;
    private Server server;
    private ManagedChannel channel;
    private AuditServiceGrpc.AuditServiceBlockingStub audit;

    @BeforeEach
    void start() throws Exception {
        log = AuditLog.open(dir, AuditLogTest.ORIGIN, AuditLogTest.LOG_SIGNER, AuditLogTest.SIGNERS);
        log.append(AuditLogTest.drafts(0, 20));
        log.publishCheckpoint();
        String name = InProcessServerBuilder.generateName();
        server = InProcessServerBuilder.forName(name).directExecutor()
                .addService(new AuditService(log, List.of(AuditLogTest.LOG_SIGNER.key()), AuditLogTest.SIGNERS))
                .build().start();
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
        audit = AuditServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        channel.shutdownNow();
        server.shutdownNow();
        log.close();
    }

    private Checkpoint latest() throws Exception {
        var note = SignedNote.parse(audit.getLatestCheckpoint(GetLatestCheckpointRequest.getDefaultInstance())
                .getNote());
        note.verify(AuditLogTest.trusted().checkpointKeys());
        return Checkpoint.parse(note.text());
    }

    private static List<Hash> hashes(Proof proof) {
        return proof.getHashesList().stream().map(b -> Hash.of(b.toByteArray())).toList();
    }

    @Test
    void servesVerifiableEntriesProofsAndLookups() throws Exception {
        var checkpoint = latest();
        assertThat(checkpoint.size()).isEqualTo(20);

        var entries = audit.streamEntries(StreamEntriesRequest.newBuilder().setStart(5).setEnd(9).build());
        int count = 0;
        while (entries.hasNext()) {
            var e = entries.next();
            assertThat(EntryCodec.decode(e.getEntry().toByteArray()).entry().sequence()).isEqualTo(e.getIndex());
            var proof = audit.getInclusionProof(GetInclusionProofRequest.newBuilder().setIndex(e.getIndex())
                    .setTreeSize(20).build());
            InclusionProofs.verify(e.getIndex(), 20, TreeHasher.leaf(e.getEntry().toByteArray()), hashes(proof),
                    checkpoint.root());
            count++;
        }
        assertThat(count).isEqualTo(4);

        var found = audit.lookupQueryId(LookupQueryIdRequest.newBuilder().setQueryId("q-13").build());
        assertThat(found.getEntry().getIndex()).isEqualTo(13);
        InclusionProofs.verify(13, found.getTreeSize(), TreeHasher.leaf(found.getEntry().getEntry().toByteArray()),
                hashes(found.getProof()), checkpoint.root());

        var older = Checkpoint.parse(log.latestCheckpoint().text());
        log.append(AuditLogTest.drafts(20, 31));
        log.publishCheckpoint();
        var newer = latest();
        var consistency = audit.getConsistencyProof(GetConsistencyProofRequest.newBuilder().setFromSize(20)
                .setToSize(31).build());
        ConsistencyProofs.verify(20, 31, older.root(), newer.root(), hashes(consistency));

        var keys = audit.getSignerKeys(GetSignerKeysRequest.getDefaultInstance());
        assertThat(NoteKey.parse(keys.getCheckpointKeys(0))).isEqualTo(AuditLogTest.LOG_SIGNER.key());
        assertThat(keys.getRegionKeysCount()).isEqualTo(2);
    }

    @Test
    void refusesSizesBeyondThePublishedCheckpointAndBadRanges() throws Exception {
        log.append(AuditLogTest.drafts(20, 25));
        assertStatus(() -> audit.getInclusionProof(GetInclusionProofRequest.newBuilder().setIndex(21)
                .setTreeSize(25).build()), Status.Code.OUT_OF_RANGE);
        assertStatus(() -> audit.getInclusionProof(GetInclusionProofRequest.newBuilder().setIndex(20)
                .setTreeSize(20).build()), Status.Code.INVALID_ARGUMENT);
        assertStatus(() -> audit.getConsistencyProof(GetConsistencyProofRequest.newBuilder().setFromSize(0)
                .setToSize(20).build()), Status.Code.INVALID_ARGUMENT);
        assertStatus(() -> audit.streamEntries(StreamEntriesRequest.newBuilder().setStart(0).setEnd(21).build())
                .hasNext(), Status.Code.OUT_OF_RANGE);
        assertStatus(() -> audit.streamEntries(StreamEntriesRequest.newBuilder().setStart(0).setEnd(20_001).build())
                .hasNext(), Status.Code.INVALID_ARGUMENT);
        assertStatus(() -> audit.lookupQueryId(LookupQueryIdRequest.newBuilder().setQueryId("q-22").build()),
                Status.Code.NOT_FOUND);
    }

    private static void assertStatus(Runnable call, Status.Code code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(code));
    }
}
