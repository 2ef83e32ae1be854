package org.bftswarm.consensus.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.bftswarm.consensus.codec.Batch;
import org.bftswarm.consensus.codec.Message.Checkpoint;
import org.bftswarm.consensus.codec.Message.PrePrepare;
import org.bftswarm.consensus.codec.Message.Prepare;
import org.bftswarm.consensus.codec.Message.PreparedCert;
import org.bftswarm.consensus.codec.Message.ViewChange;
import org.bftswarm.consensus.codec.Signed;
import org.bftswarm.crypto.Digest;
import org.bftswarm.crypto.SigningKey;
import org.junit.jupiter.api.Test;

class CertificatesTest {
    private static final String S = TestCluster.SWARM;
    private final Quorums q = new Quorums(4);
    private final SigningKey[] keys = {TestCluster.key(0), TestCluster.key(1), TestCluster.key(2), TestCluster.key(3)};
    private final Batch batch = Batch.of(1, List.of());
    private final Signed pp = Signed.sign(S, keys[0], 0, new PrePrepare(0, 3, Batch.of(5, List.of())));

    private Signed prepare(int from, long view, long seq, Digest d) {
        return Signed.sign(S, keys[from], from, new Prepare(view, seq, d));
    }

    private PreparedCert cert(int... preparers) {
        Digest d = ((PrePrepare) pp.body()).digest();
        List<Signed> ps = new ArrayList<>();
        for (int p : preparers) {
            ps.add(prepare(p, 0, 3, d));
        }
        return new PreparedCert(pp, ps);
    }

    @Test
    void aPrePreparePlusTwoFMatchingBackupPreparesIsAPreparedCertificate() {
        assertThat(Certificates.preparedCertProblem(cert(1, 2), q)).isNull();
    }

    @Test
    void preparedCertificatesWithTooFewRepeatedOrPrimaryPreparesAreRejected() {
        assertThat(Certificates.preparedCertProblem(cert(1), q)).contains("prepares");
        assertThat(Certificates.preparedCertProblem(cert(1, 1), q)).contains("repeated");
        assertThat(Certificates.preparedCertProblem(cert(0, 1), q)).contains("invalid");
    }

    @Test
    void preparedCertificatesForAnotherDigestOrFromABackupAreRejected() {
        PreparedCert wrongDigest =
                new PreparedCert(pp, List.of(prepare(1, 0, 3, batch.digest()), prepare(2, 0, 3, batch.digest())));
        assertThat(Certificates.preparedCertProblem(wrongDigest, q)).contains("does not match");
        Signed backupPp = Signed.sign(S, keys[1], 1, new PrePrepare(0, 3, batch));
        PreparedCert fromBackup =
                new PreparedCert(backupPp, List.of(prepare(2, 0, 3, batch.digest()), prepare(3, 0, 3, batch.digest())));
        assertThat(Certificates.preparedCertProblem(fromBackup, q)).contains("not from its primary");
    }

    @Test
    void checkpointProofsNeedTwoFPlusOneDistinctMatchingSigners() {
        Digest d = Digest.sha256(new byte[] {1});
        List<Signed> three = List.of(cp(0, 8, d), cp(1, 8, d), cp(2, 8, d));
        assertThat(Certificates.checkpointProofProblem(8, d, three, q)).isNull();
        assertThat(Certificates.checkpointProofProblem(8, d, three.subList(0, 2), q))
                .contains("signers");
        assertThat(Certificates.checkpointProofProblem(8, d, List.of(cp(0, 8, d), cp(0, 8, d), cp(1, 8, d)), q))
                .contains("repeated");
        assertThat(Certificates.checkpointProofProblem(
                        8, d, List.of(cp(0, 8, d), cp(1, 8, d), cp(2, 8, Digest.ZERO)), q))
                .contains("does not match");
    }

    private Signed cp(int from, long seq, Digest d) {
        return Signed.sign(S, keys[from], from, new Checkpoint(seq, d));
    }

    @Test
    void viewChangesCarryingCertificatesFromTheirOwnViewOrOutsideTheWatermarksAreRejected() {
        ViewChange ok = new ViewChange(1, 0, Digest.ZERO, List.of(), List.of(cert(1, 2)));
        assertThat(Certificates.viewChangeProblem(ok, q, 4, 8)).isNull();
        ViewChange sameView = new ViewChange(0, 0, Digest.ZERO, List.of(), List.of(cert(1, 2)));
        assertThat(Certificates.viewChangeProblem(sameView, q, 4, 8)).contains("not below");
        ViewChange beyondWindow = new ViewChange(1, 0, Digest.ZERO, List.of(), List.of(cert(1, 2)));
        assertThat(Certificates.viewChangeProblem(beyondWindow, q, 4, 2)).contains("outside watermarks");
        ViewChange twice = new ViewChange(1, 0, Digest.ZERO, List.of(), List.of(cert(1, 2), cert(2, 3)));
        assertThat(Certificates.viewChangeProblem(twice, q, 4, 8)).contains("two prepared certificates");
        ViewChange unprovenCheckpoint = new ViewChange(1, 4, Digest.ZERO, List.of(), List.of());
        assertThat(Certificates.viewChangeProblem(unprovenCheckpoint, q, 4, 8)).contains("signers");
        ViewChange insufficient = new ViewChange(1, 0, Digest.ZERO, List.of(), List.of(cert(2)));
        assertThat(Certificates.viewChangeProblem(insufficient, q, 4, 8)).contains("prepares");
    }
}
