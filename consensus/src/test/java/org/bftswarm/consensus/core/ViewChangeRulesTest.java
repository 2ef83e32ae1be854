package org.bftswarm.consensus.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.bftswarm.consensus.codec.Batch;
import org.bftswarm.consensus.codec.Message.Checkpoint;
import org.bftswarm.consensus.codec.Message.Commit;
import org.bftswarm.consensus.codec.Message.CommitProof;
import org.bftswarm.consensus.codec.Message.NewView;
import org.bftswarm.consensus.codec.Message.PrePrepare;
import org.bftswarm.consensus.codec.Message.Prepare;
import org.bftswarm.consensus.codec.Message.PreparedCert;
import org.bftswarm.consensus.codec.Message.ViewChange;
import org.bftswarm.consensus.codec.Signed;
import org.bftswarm.crypto.Digest;
import org.junit.jupiter.api.Test;

/** View-change rules of PBFT-PK (OSDI '99 section 4.4, TOCS 2002 section 4.5), one at a time. */
class ViewChangeRulesTest {

    private static PreparedCert cert(BackupHarness h, long view, long seq, Batch batch) {
        int primary = (int) (view % 4);
        Signed pp = h.signed(primary, new PrePrepare(view, seq, batch));
        List<Signed> prepares = new ArrayList<>();
        for (int i = 0; i < 4 && prepares.size() < 2; i++) {
            if (i != primary) {
                prepares.add(h.prepare(i, view, seq, batch.digest()));
            }
        }
        return new PreparedCert(pp, prepares);
    }

    private static Signed viewChange(BackupHarness h, int from, long view, PreparedCert... certs) {
        return h.signed(from, new ViewChange(view, 0, h.r.stable.digest(), List.of(), List.of(certs)));
    }

    private static Signed newView(BackupHarness h, long view, List<Signed> vcs, Batch... reProposals) {
        int primary = (int) (view % 4);
        List<Signed> pps = new ArrayList<>();
        for (int k = 0; k < reProposals.length; k++) {
            pps.add(h.signed(primary, new PrePrepare(view, k + 1, reProposals[k])));
        }
        return h.signed(primary, new NewView(view, vcs, pps));
    }

    @Test
    void aNewViewNeedsTwoFPlusOneViewChangesForItsViewFromDistinctReplicas() {
        BackupHarness h = new BackupHarness(2);
        h.r.viewChanger.start(1);
        h.step(newView(h, 1, List.of(viewChange(h, 1, 1), viewChange(h, 3, 1))));
        h.step(newView(h, 1, List.of(viewChange(h, 1, 1), viewChange(h, 3, 1), viewChange(h, 3, 1))));
        h.step(newView(h, 1, List.of(viewChange(h, 1, 1), viewChange(h, 3, 1), viewChange(h, 0, 2))));
        h.step(h.signed(
                3, new NewView(1, List.of(viewChange(h, 1, 1), viewChange(h, 3, 1), viewChange(h, 0, 1)), List.of())));
        assertThat(h.dropped("only 2 view changes")).isEqualTo(1);
        assertThat(h.dropped("two view changes from 3")).isEqualTo(1);
        assertThat(h.dropped("contains a view change for view 2")).isEqualTo(1);
        assertThat(h.dropped("not from the primary")).isEqualTo(1);
        assertThat(h.r.inViewChange()).isTrue();
        h.step(newView(h, 1, List.of(viewChange(h, 1, 1), viewChange(h, 3, 1), viewChange(h, 0, 1))));
        assertThat(h.r.inViewChange()).isFalse();
        assertThat(h.r.view()).isEqualTo(1);
    }

    @Test
    void theBackupRecomputesTheReProposalsHighestViewCertificatePerSeqAndNullsForGaps() {
        BackupHarness h = new BackupHarness(3);
        Batch older = Batch.of(1, List.of(h.request(1)));
        Batch newer = Batch.of(2, List.of(h.request(2)));
        h.r.viewChanger.start(2);
        List<Signed> vcs = List.of(
                viewChange(h, 0, 2, cert(h, 0, 2, older)),
                viewChange(h, 1, 2, cert(h, 1, 2, newer)),
                viewChange(h, 2, 2));
        h.step(newView(h, 2, vcs, newer));
        assertThat(h.dropped("re-proposes 1 batches, expected 2"))
                .as("null fill at seq 1 missing")
                .isEqualTo(1);
        h.step(newView(h, 2, vcs, Batch.empty(), older));
        assertThat(h.dropped("pre-prepare for seq 2 differs"))
                .as("a lower-view certificate chosen")
                .isEqualTo(1);
        assertThat(h.r.inViewChange()).isTrue();
        h.step(newView(h, 2, vcs, Batch.empty(), newer));
        assertThat(h.r.inViewChange()).isFalse();
        assertThat(h.r.log.get(1L).batch().isNull()).isTrue();
        assertThat(h.r.log.get(2L).digest()).isEqualTo(newer.digest());
        assertThat(h.broadcasts(Prepare.class))
                .extracting(Prepare::view, Prepare::seq)
                .containsExactly(Tuple.tuple(2L, 1L), Tuple.tuple(2L, 2L));
    }

    @Test
    void minSIsTheHighestProvenStableCheckpointAndCertificatesAtOrBelowItAreNotReProposed() {
        BackupHarness h = new BackupHarness(1);
        Digest state = Digest.sha256(new byte[] {4});
        List<Signed> proof = List.of(
                h.signed(0, new Checkpoint(4, state)),
                h.signed(2, new Checkpoint(4, state)),
                h.signed(3, new Checkpoint(4, state)));
        ViewChange atFour =
                new ViewChange(1, 4, state, proof, List.of(cert(h, 0, 5, Batch.of(1, List.of(h.request(1))))));
        ViewChange atZero = new ViewChange(
                1, 0, Digest.ZERO, List.of(), List.of(cert(h, 0, 3, Batch.of(1, List.of(h.request(2))))));
        NewViewPlan plan = NewViewPlan.of(List.of(atZero, atFour, atZero));
        assertThat(plan.minS()).isEqualTo(4);
        assertThat(plan.maxS()).isEqualTo(5);
        assertThat(plan.batches().keySet()).containsExactly(5L);
        assertThat(plan.stableSource()).isSameAs(atFour);
    }

    @Test
    void aViewChangeCarriesTheStableCheckpointProofAndThePreparedCertificatesAboveIt() {
        TestCluster c = new TestCluster(4, cfg -> cfg);
        for (int k = 0; k < 4; k++) {
            c.submit(c.request(new byte[] {(byte) k}));
            c.run(20);
        }
        assertThat(c.replicas[1].stableCheckpoint()).isEqualTo(4);
        c.network = d -> d.message().body() instanceof Commit ? null : d;
        c.submit(c.request(new byte[] {9}));
        c.run(20);
        c.replicas[1].viewChanger.start(1);
        ViewChange vc = c.replicas[1].drain().stream()
                .filter(e -> e instanceof Effect.Broadcast b && b.message().body() instanceof ViewChange)
                .map(e -> (ViewChange) ((Effect.Broadcast) e).message().body())
                .findFirst()
                .orElseThrow();
        assertThat(vc.stableSeq()).isEqualTo(4);
        assertThat(Certificates.checkpointProofProblem(4, vc.stableDigest(), vc.checkpointProof(), new Quorums(4)))
                .isNull();
        assertThat(vc.prepared()).extracting(p -> p.body().seq()).containsExactly(5L);
        assertThat(Certificates.viewChangeProblem(vc, new Quorums(4), 4, 8)).isNull();
    }

    @Test
    void theWaitForEachFurtherViewDoublesWhileNoNewViewArrives() {
        TestCluster c = new TestCluster(4, cfg -> cfg);
        c.down.add(0);
        c.network = d -> d.message().body() instanceof NewView ? null : d;
        c.submit(c.request(new byte[] {1}));
        List<Long> startedAt = new ArrayList<>();
        long view = 0;
        while (c.now < 20_000) {
            c.run(5);
            if (c.replicas[2].view() != view) {
                view = c.replicas[2].view();
                startedAt.add(c.now);
            }
        }
        assertThat(startedAt).hasSizeGreaterThanOrEqualTo(5);
        for (int k = 2; k < startedAt.size(); k++) {
            long previous = startedAt.get(k - 1) - startedAt.get(k - 2);
            long gap = startedAt.get(k) - startedAt.get(k - 1);
            assertThat(gap).as("wait %d after %d", k, previous).isBetween(2 * previous - 20, 2 * previous + 20);
        }
    }

    @Test
    void catchingUpOnCommittedSlotsDuringAViewChangeDoesNotShortenTheDoubledWait() {
        BackupHarness h = new BackupHarness(1);
        h.r.viewChanger.start(1);
        long doubled = h.r.currentTimeout();
        Signed pp = h.prePrepare(0, 0, 1, 0, h.request(1));
        List<Signed> commits = List.of(
                h.commit(0, 0, 1, BackupHarness.digest(pp)),
                h.commit(2, 0, 1, BackupHarness.digest(pp)),
                h.commit(3, 0, 1, BackupHarness.digest(pp)));
        h.step(h.signed(2, new CommitProof(pp, commits)));
        assertThat(h.r.lastExecuted()).isEqualTo(1);
        assertThat(h.r.currentTimeout()).isEqualTo(doubled).isEqualTo(2 * 300);
    }

    @Test
    void viewChangesHandledAfterAStallArmTheNewViewWaitFromTheTimeTheyAreProcessed() {
        BackupHarness h = new BackupHarness(2);
        h.r.viewChanger.start(1);
        h.r.step(h.c.verified(viewChange(h, 1, 1)), 10_000);
        h.r.step(h.c.verified(viewChange(h, 3, 1)), 10_000);
        h.tick(10_000 + h.r.currentTimeout() - 5);
        assertThat(h.r.view())
                .as("wait of %d ms armed at 10 s, not at the last tick (0)", h.r.currentTimeout())
                .isEqualTo(1);
        h.tick(10_000 + h.r.currentTimeout());
        assertThat(h.r.view()).isEqualTo(2);
    }
}
