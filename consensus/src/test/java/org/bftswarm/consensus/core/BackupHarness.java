package org.bftswarm.consensus.core;

import java.util.ArrayList;
import java.util.List;
import org.bftswarm.consensus.codec.Batch;
import org.bftswarm.consensus.codec.Message;
import org.bftswarm.consensus.codec.Message.Commit;
import org.bftswarm.consensus.codec.Message.PrePrepare;
import org.bftswarm.consensus.codec.Message.Prepare;
import org.bftswarm.consensus.codec.Message.Request;
import org.bftswarm.consensus.codec.Signed;
import org.bftswarm.crypto.Digest;

/**
 * Drives one replica of a 4-replica cluster (f = 1) directly with crafted, correctly signed messages
 * from the others, so a test can check one PBFT rule at a time through {@code Replica.step/tick}.
 */
final class BackupHarness {
    final TestCluster c = new TestCluster(4, cfg -> cfg);
    final int me;
    final Replica r;
    final List<Effect> effects = new ArrayList<>();
    private long nextRequest = 1;

    BackupHarness(int me) {
        this.me = me;
        this.r = c.replicas[me];
    }

    Signed request(int op) {
        return Signed.sign(
                TestCluster.SWARM,
                c.clientKey,
                TestCluster.CLIENT,
                new Request(TestCluster.CLIENT, nextRequest++, new byte[] {(byte) op}));
    }

    Signed signed(int from, Message body) {
        return Signed.sign(TestCluster.SWARM, c.keys[from], from, body);
    }

    Signed prePrepare(int from, long view, long seq, long ts, Signed... requests) {
        return signed(from, new PrePrepare(view, seq, Batch.of(ts, List.of(requests))));
    }

    static Digest digest(Signed prePrepare) {
        return ((PrePrepare) prePrepare.body()).digest();
    }

    Signed prepare(int from, long view, long seq, Digest d) {
        return signed(from, new Prepare(view, seq, d));
    }

    Signed commit(int from, long view, long seq, Digest d) {
        return signed(from, new Commit(view, seq, d));
    }

    List<Effect> step(Signed s) {
        List<Effect> out = r.step(c.verified(s));
        effects.addAll(out);
        return out;
    }

    List<Effect> tick(long now) {
        List<Effect> out = r.tick(now);
        effects.addAll(out);
        return out;
    }

    /** Messages of {@code type} this replica broadcast so far. */
    <T extends Message> List<T> broadcasts(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Effect e : effects) {
            if (e instanceof Effect.Broadcast b && type.isInstance(b.message().body())) {
                out.add(type.cast(b.message().body()));
            }
        }
        return out;
    }

    long dropped(String containing) {
        return effects.stream()
                .filter(e -> e instanceof Effect.Dropped d && d.reason().contains(containing))
                .count();
    }

    List<Long> executedSeqs() {
        List<Long> out = new ArrayList<>();
        for (Effect e : effects) {
            if (e instanceof Effect.Executed x) {
                out.add(x.seq());
            }
        }
        return out;
    }

    /** Backup {@code me} (not 0) accepts seq's pre-prepare of view 0 and sees it prepared and committed. */
    void order(Signed pp) {
        PrePrepare body = (PrePrepare) pp.body();
        step(pp);
        for (int i = 1; i < 4; i++) {
            if (i != me) {
                step(prepare(i, body.view(), body.seq(), body.digest()));
            }
        }
        for (int i = 0; i < 4; i++) {
            if (i != me) {
                step(commit(i, body.view(), body.seq(), body.digest()));
            }
        }
    }
}
