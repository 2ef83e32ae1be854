package org.bftswarm.consensus.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.bftswarm.consensus.codec.Message.Commit;
import org.bftswarm.consensus.codec.Message.Prepare;
import org.bftswarm.consensus.codec.Signed;
import org.bftswarm.crypto.Digest;
import org.junit.jupiter.api.Test;

/** The normal-case rules of PBFT (OSDI '99 section 4.2), one at a time, on backup 1 of view 0. */
class AgreementRulesTest {

    @Test
    void aBackupAcceptsAPrePrepareOnlyFromThePrimaryOfItsCurrentViewInsideTheWatermarks() {
        BackupHarness h = new BackupHarness(1);
        h.step(h.prePrepare(2, 0, 1, 0, h.request(1)));
        assertThat(h.dropped("pre-prepare from a backup")).isEqualTo(1);
        h.step(h.prePrepare(0, 1, 1, 0, h.request(2)));
        h.step(h.prePrepare(0, 0, 9, 0, h.request(3)));
        h.step(h.prePrepare(0, 0, 0, 0, h.request(4)));
        assertThat(h.broadcasts(Prepare.class))
                .as("other view, above H = 8, at or below h = 0")
                .isEmpty();
        h.step(h.prePrepare(0, 0, 8, 0, h.request(5)));
        assertThat(h.broadcasts(Prepare.class)).extracting(Prepare::seq).containsExactly(8L);
    }

    @Test
    void aBackupNeverAcceptsTwoDigestsForTheSameViewAndSequence() {
        BackupHarness h = new BackupHarness(1);
        Signed first = h.prePrepare(0, 0, 1, 0, h.request(1));
        h.step(first);
        h.step(h.prePrepare(0, 0, 1, 0, h.request(2)));
        assertThat(h.dropped("equivocating pre-prepare")).isEqualTo(1);
        assertThat(h.broadcasts(Prepare.class))
                .extracting(Prepare::digest)
                .containsExactly(BackupHarness.digest(first));
        assertThat(h.r.log.get(1L).digest()).isEqualTo(BackupHarness.digest(first));
    }

    @Test
    void preparedNeedsTwoFMatchingPreparesFromDistinctBackupsAndThePrimarysPrepareDoesNotCount() {
        BackupHarness h = new BackupHarness(1);
        Signed pp = h.prePrepare(0, 0, 1, 0, h.request(1));
        Digest d = BackupHarness.digest(pp);
        h.step(pp);
        h.step(h.prepare(0, 0, 1, d));
        assertThat(h.dropped("prepare from the primary")).isEqualTo(1);
        h.step(h.prepare(3, 0, 1, Digest.sha256(new byte[] {9})));
        h.step(h.prepare(3, 0, 1, d));
        assertThat(h.broadcasts(Commit.class))
                .as("own prepare + a wrong-digest prepare, then a repeat from 3")
                .isEmpty();
        h.step(h.prepare(2, 1, 1, d));
        assertThat(h.broadcasts(Commit.class))
                .as("a prepare of another view does not count")
                .isEmpty();
        h.step(h.prepare(2, 0, 1, d));
        assertThat(h.broadcasts(Commit.class)).extracting(Commit::digest).containsExactly(d);
        assertThat(h.r.log.get(1L).prepared.prepares())
                .extracting(Signed::sender)
                .doesNotContain(0);
    }

    @Test
    void committedLocalNeedsTwoFPlusOneMatchingCommitsFromDistinctReplicas() {
        BackupHarness h = new BackupHarness(1);
        Signed pp = h.prePrepare(0, 0, 1, 0, h.request(1));
        Digest d = BackupHarness.digest(pp);
        h.step(pp);
        h.step(h.prepare(2, 0, 1, d));
        h.step(h.commit(0, 0, 1, d));
        h.step(h.commit(0, 0, 1, d));
        h.step(h.commit(2, 0, 1, Digest.sha256(new byte[] {9})));
        assertThat(h.r.lastExecuted())
                .as("own + primary's (twice) + a wrong digest")
                .isZero();
        h.step(h.commit(3, 0, 1, d));
        assertThat(h.r.lastExecuted()).isEqualTo(1);
    }

    @Test
    void committedBatchesExecuteStrictlyInSequenceOrder() {
        BackupHarness h = new BackupHarness(1);
        Signed pp1 = h.prePrepare(0, 0, 1, 0, h.request(1));
        Signed pp2 = h.prePrepare(0, 0, 2, 0, h.request(2));
        h.order(pp2);
        assertThat(h.r.log.get(2L).committed()).isTrue();
        assertThat(h.executedSeqs()).as("seq 2 committed while seq 1 is not").isEmpty();
        h.order(pp1);
        assertThat(h.executedSeqs()).containsExactly(1L, 2L);
        assertThat(h.c.services[1].count()).isEqualTo(2);
    }

    @Test
    void aRequestOrderedInTwoBatchesExecutesOnceAndItsRetransmissionGetsTheCachedReply() {
        BackupHarness h = new BackupHarness(1);
        Signed req = h.request(1);
        h.order(h.prePrepare(0, 0, 1, 0, req));
        h.order(h.prePrepare(0, 0, 2, 0, req));
        assertThat(h.executedSeqs()).containsExactly(1L, 2L);
        assertThat(h.c.services[1].count()).isEqualTo(1);
        assertThat(h.c.services[1].duplicates()).isZero();
        h.step(req);
        long replies =
                h.effects.stream().filter(e -> e instanceof Effect.SendReply).count();
        assertThat(replies).as("one on execution, one from the cache").isEqualTo(2);
        assertThat(h.c.services[1].count()).isEqualTo(1);
    }

    @Test
    void batchTimestampsMustNotGoBackwardsInSequenceOrder() {
        BackupHarness h = new BackupHarness(1);
        h.step(h.prePrepare(0, 0, 1, 1000, h.request(1)));
        h.step(h.prePrepare(0, 0, 2, 500, h.request(2)));
        assertThat(h.dropped("goes backwards")).isEqualTo(1);
        h.step(h.prePrepare(0, 0, 4, 3000, h.request(3)));
        h.step(h.prePrepare(0, 0, 3, 3500, h.request(4)));
        assertThat(h.dropped("above a later batch")).isEqualTo(1);
        assertThat(h.broadcasts(Prepare.class)).extracting(Prepare::seq).containsExactly(1L, 4L);
    }

    @Test
    void aPrePrepareDelayedPastTheSkewButWithinTheRequestTimeoutIsStillAccepted() {
        BackupHarness h = new BackupHarness(1);
        h.tick(5_200);
        h.step(h.prePrepare(0, 0, 1, 0, h.request(1)));
        assertThat(h.broadcasts(Prepare.class))
                .as("5.2 s late: skew 5 s + request timeout 300 ms")
                .hasSize(1);
        h.tick(5_400);
        h.step(h.prePrepare(0, 0, 2, 50, h.request(2)));
        assertThat(h.dropped("too far behind")).isEqualTo(1);
        h.step(h.prePrepare(0, 0, 3, 10_401, h.request(3)));
        assertThat(h.dropped("too far ahead")).isEqualTo(1);
    }

    @Test
    void aReplicaInAViewChangeAcceptsNoNormalCaseMessagesOfTheOldView() {
        BackupHarness h = new BackupHarness(1);
        h.r.viewChanger.start(1);
        h.r.drain();
        Signed pp = h.prePrepare(0, 0, 1, 0, h.request(1));
        Digest d = BackupHarness.digest(pp);
        h.step(pp);
        h.step(h.prepare(2, 0, 1, d));
        h.step(h.commit(2, 0, 1, d));
        assertThat(h.broadcasts(Prepare.class)).isEmpty();
        assertThat(h.r.log).isEmpty();
    }
}
