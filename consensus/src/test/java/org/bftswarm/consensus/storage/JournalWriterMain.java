package org.bftswarm.consensus.storage;

import java.nio.file.Path;
import java.util.List;
import org.bftswarm.consensus.core.PersistOp;
import org.bftswarm.consensus.core.StableCheckpoint;
import org.bftswarm.crypto.Digest;

/**
 * Child-process body for the journal's kill -9 test: applies one group per round (slot {@code round}
 * and, every 20 rounds, a stable checkpoint at {@code round - 10}), with a tiny compaction threshold
 * so the journal is also being rewritten while it is killed; prints the round only after its apply
 * returned, and never stops by itself. Args: journal file, checkpoint file, first round.
 */
public final class JournalWriterMain {
    private JournalWriterMain() {}

    public static void main(String[] args) throws Exception {
        try (JournalReplicaLog log = JournalReplicaLog.open(Path.of(args[0]), Path.of(args[1]), false, 16 * 1024)) {
            for (long round = Long.parseLong(args[2]); ; round++) {
                log.apply(List.of(
                        new PersistOp.SaveView(round),
                        new PersistOp.SaveSlot(round, ReplicaLogContractTest.slot(0, round))));
                if (round % 20 == 0 && round >= 10) {
                    Digest d = Digest.sha256(new byte[] {(byte) round});
                    log.apply(List.of(new PersistOp.SaveStableCheckpoint(
                            new StableCheckpoint(round - 10, d, List.of(), new byte[] {(byte) round}))));
                }
                System.out.println("APPLIED " + round);
                System.out.flush();
            }
        }
    }
}
