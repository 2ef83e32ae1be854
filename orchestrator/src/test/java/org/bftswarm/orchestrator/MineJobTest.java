package org.bftswarm.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.bftswarm.orchestrator.mine.BlockHeader;
import org.bftswarm.orchestrator.mine.NonceSearch;
import org.bftswarm.orchestrator.mine.WorkUnit;
import org.bftswarm.orchestrator.ops.Reply;
import org.bftswarm.orchestrator.ops.SubmitJob;
import org.bftswarm.orchestrator.ops.TaskFinished;
import org.bftswarm.orchestrator.spec.JobSpec;
import org.bftswarm.orchestrator.spec.JobSpecValidator;
import org.bftswarm.orchestrator.spec.MineSpec;
import org.bftswarm.orchestrator.spec.Verification;
import org.bftswarm.orchestrator.view.Assignment;
import org.bftswarm.orchestrator.view.ChainBlock;
import org.bftswarm.orchestrator.view.JobStatus;
import org.bftswarm.orchestrator.view.JobView;
import org.bftswarm.orchestrator.view.NodeView;
import org.junit.jupiter.api.Test;

/** Mine jobs in the state machine: units as tasks, every claimed solution re-hashed before it counts. */
class MineJobTest {
    static final String GENESIS_MERKLE = "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b";
    static final String GENESIS_HASH = MiningConfig.BITCOIN_GENESIS;
    static final long GENESIS_NONCE = 2083236893L;
    static final String ZERO = "0".repeat(64);

    static JobSpec mine(MineSpec m, String verification) {
        return new JobSpec(
                null, null, null, null, null, null, null, null, null, null, null, null, verification, null, null, m);
    }

    /** The genesis header with nonces [from, to] in units of {@code unit}. */
    static MineSpec genesisRange(long from, long to, long unit) {
        return new MineSpec(null, 1, ZERO, GENESIS_MERKLE, 1231006505L, "1d00ffff", null, null, from, to, unit);
    }

    /** Reports every run of node {@code node} as an honest hasher would; returns how many it reported. */
    static int work(ClusterDriver d, int node) {
        int n = 0;
        for (Assignment a : d.scheduler.assignmentsFor(node)) {
            MineSpec m = a.spec().mine();
            WorkUnit u = m.unit(index(a.taskId()));
            NonceSearch.Outcome out =
                    NonceSearch.search(m.header(u.extraNonce()), m.target(), u.from(), u.to(), () -> false);
            report(d, a, out.found() ? "found nonce=" + out.nonce() : "none");
            n++;
        }
        return n;
    }

    static Reply report(ClusterDriver d, Assignment a, String output) {
        return d.execute(
                d.nodeClient(a.node()),
                new TaskFinished(a.taskId(), a.attempt(), a.node(), 0, "sha:" + output, output, "exited"));
    }

    static int index(String taskId) {
        return Integer.parseInt(taskId.substring(taskId.lastIndexOf('.') + 1));
    }

    /** Lets the nodes {@code honest} admits work until the job ends (bounded). */
    static JobView runToEnd(ClusterDriver d, String job, IntPredicate honest) {
        for (int round = 0; round < 500; round++) {
            JobView v = d.scheduler.job(job).orElseThrow();
            if (v.status().isTerminal()) {
                return v;
            }
            for (int node = 0; node < 4; node++) {
                if (honest.test(node)) {
                    work(d, node);
                }
            }
            d.advance(100);
        }
        throw new AssertionError("job " + job + " did not end");
    }

    static NodeView node(ClusterDriver d, int id) {
        return d.scheduler.nodes().stream()
                .filter(n -> n.id() == id)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aKnownBlockReMinedOverARangeEndsWithItsNonceAndHash() {
        ClusterDriver d = ClusterDriver.withNodes(4, 4, 4096);
        String job = d.submit(mine(genesisRange(GENESIS_NONCE - 50_000, GENESIS_NONCE + 50_000, 10_000), null));
        JobView first = d.scheduler.job(job).orElseThrow();
        assertThat(first.tasks()).hasSize(8);
        assertThat(first.tasks().stream().map(t -> t.node()).distinct()).hasSize(4);
        JobView v = runToEnd(d, job, n -> true);
        assertThat(v.status()).isEqualTo(JobStatus.COMPLETE);
        assertThat(v.mine().nonce()).isEqualTo(GENESIS_NONCE);
        assertThat(v.mine().hash()).isEqualTo(GENESIS_HASH);
        assertThat(BlockHeader.of(
                                1,
                                ZERO,
                                GENESIS_MERKLE,
                                1231006505L,
                                0x1d00ffff,
                                v.mine().nonce())
                        .hashHex())
                .isEqualTo(GENESIS_HASH);
        assertThat(v.tasks()).allMatch(t -> t.state().isTerminal());
        assertThat(d.scheduler.chain())
                .as("an explicit header is no block of the chain")
                .isEmpty();
        d.scheduler.checkInvariants();
    }

    @Test
    void anExplicitRangeWithoutASolutionEndsNotFound() {
        ClusterDriver d = ClusterDriver.withNodes(4, 4, 4096);
        String job = d.submit(mine(genesisRange(0, 99_999, 10_000), null));
        JobView v = runToEnd(d, job, n -> true);
        assertThat(v.status()).isEqualTo(JobStatus.NOT_FOUND);
        assertThat(v.mine().unitsDone()).isEqualTo(10);
        assertThat(v.mine().noncesCovered()).isEqualTo(100_000);
        assertThat(v.tasks()).isEmpty();
    }

    @Test
    void aFalseSolutionIsRefusedCountedAsEvidenceAndTheJobEndsWithATrueOne() {
        ClusterDriver d = ClusterDriver.withNodes(4, 4, 4096);
        String job = d.submit(mine(genesisRange(GENESIS_NONCE - 50_000, GENESIS_NONCE + 50_000, 10_000), null));
        Assignment lie = d.scheduler.assignmentsFor(3).get(0);
        WorkUnit u = lie.spec().mine().unit(index(lie.taskId()));
        Reply r = report(d, lie, "found nonce=" + u.from());
        assertThat(r.isOk()).isTrue();
        assertThat(r.detail()).contains("false solution refused");
        JobView after = d.scheduler.job(job).orElseThrow();
        assertThat(after.status()).as("the lie ended nothing").isEqualTo(JobStatus.RUNNING);
        assertThat(after.mine().falseClaims()).isEqualTo(1);
        assertThat(node(d, 3).disputedResults()).isEqualTo(1);
        assertThat(d.task(lie.taskId()).runs()).extracting(Assignment::node).doesNotContain(3);
        JobView v = runToEnd(d, job, n -> n != 3);
        assertThat(v.status()).isEqualTo(JobStatus.COMPLETE);
        assertThat(v.mine().nonce()).isEqualTo(GENESIS_NONCE);
        assertThat(v.mine().miner()).isNotEqualTo(3);
    }

    @Test
    void underQuorumAWithheldSolutionIsCaughtAndTheFinderWins() {
        ClusterDriver d = ClusterDriver.withNodes(4, 4, 4096);
        long unit = 10_000;
        long from = GENESIS_NONCE - (GENESIS_NONCE % unit);
        String job = d.submit(mine(genesisRange(from, from + unit - 1, unit), Verification.QUORUM));
        List<Assignment> runs =
                d.scheduler.job(job).orElseThrow().tasks().get(0).runs();
        assertThat(runs).hasSize(2);
        report(d, runs.get(0), "none");
        assertThat(d.scheduler.job(job).orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
        work(d, runs.get(1).node());
        JobView v = d.scheduler.job(job).orElseThrow();
        assertThat(v.status()).isEqualTo(JobStatus.COMPLETE);
        assertThat(node(d, runs.get(0).node()).disputedResults()).isEqualTo(1);
    }

    @Test
    void aNodeThatGoesDownHasItsUnitsPlacedAgainAndAJoiningNodeGetsUnits() {
        ClusterDriver d = ClusterDriver.of(4);
        for (int i = 0; i < 3; i++) {
            d.register(i, 4, 4096, Map.of());
        }
        String job = d.submit(mine(genesisRange(GENESIS_NONCE - 200_000, GENESIS_NONCE + 10, 10_000), null));
        assertThat(d.scheduler.assignmentsFor(2)).hasSize(2);
        d.register(3, 4, 4096, Map.of());
        assertThat(d.scheduler.assignmentsFor(3))
                .as("the joining node gets units at once")
                .hasSize(2);
        List<String> onTwo =
                d.scheduler.assignmentsFor(2).stream().map(Assignment::taskId).toList();
        d.suspect(0, 2);
        d.suspect(1, 2);
        assertThat(node(d, 2).state().name()).isEqualTo("DOWN");
        for (String t : onTwo) {
            assertThat(d.task(t).runs())
                    .extracting(Assignment::node)
                    .isNotEmpty()
                    .doesNotContain(2);
        }
        JobView v = runToEnd(d, job, n -> n != 2);
        assertThat(v.status()).isEqualTo(JobStatus.COMPLETE);
        assertThat(v.mine().reassigned()).isEqualTo(2);
    }

    @Test
    void dataBlocksExtendTheChainAndLinkByPreviousHash() {
        ClusterDriver d = ClusterDriver.withNodes(4, 4, 4096);
        for (int i = 0; i < 3; i++) {
            String job = d.submit(mine(MineSpec.ofText("find my hash " + i, "easy"), null));
            assertThat(runToEnd(d, job, n -> true).status()).isEqualTo(JobStatus.COMPLETE);
        }
        List<ChainBlock> chain = d.scheduler.chain();
        assertThat(chain).hasSize(3);
        assertThat(chain.get(0).prev()).isEqualTo(GENESIS_HASH);
        for (int i = 0; i < 3; i++) {
            ChainBlock b = chain.get(i);
            assertThat(b.height()).isEqualTo(i + 1);
            assertThat(b.hash()).startsWith("00");
            assertThat(BlockHeader.of(1, b.prev(), b.merkle(), b.time(), 0, b.nonce())
                            .hashHex())
                    .isEqualTo(b.hash());
            if (i > 0) {
                assertThat(b.prev()).isEqualTo(chain.get(i - 1).hash());
            }
        }
    }

    @Test
    void autoMiningGrowsALinkedChainEveryInterval() {
        ClusterDriver d = new ClusterDriver(
                new Scheduler(SchedulerConfig.defaults(4), MiningConfig.DEFAULTS.withAuto(true, 15, "easy")));
        for (int i = 0; i < 4; i++) {
            d.register(i, 4, 4096, Map.of());
        }
        for (int step = 0; step < 2000 && d.scheduler.chain().size() < 3; step++) {
            for (int node = 0; node < 4; node++) {
                work(d, node);
            }
            d.advance(1000);
            d.tick();
        }
        List<ChainBlock> chain = d.scheduler.chain();
        assertThat(chain).hasSizeGreaterThanOrEqualTo(3);
        for (int i = 1; i < 3; i++) {
            assertThat(chain.get(i).prev()).isEqualTo(chain.get(i - 1).hash());
            assertThat(chain.get(i).minedAtMillis() - chain.get(i - 1).minedAtMillis())
                    .isGreaterThanOrEqualTo(15_000);
        }
        for (ChainBlock b : chain) {
            assertThat(b.hash()).startsWith("00");
        }
    }

    @Test
    void snapshotsOfAMiningStateRestoreToTheSameBytes() {
        ClusterDriver d = ClusterDriver.withNodes(4, 4, 4096);
        d.submit(mine(MineSpec.ofText("a", "easy"), null));
        String running = d.submit(mine(genesisRange(0, 999_999, 10_000), null));
        work(d, 0);
        byte[] snap = d.scheduler.snapshot();
        Scheduler other = Scheduler.forCluster(4);
        other.restore(snap);
        assertThat(other.snapshot()).isEqualTo(snap);
        assertThat(other.job(running).orElseThrow().mine().unitsIssued())
                .isEqualTo(d.scheduler.job(running).orElseThrow().mine().unitsIssued());
    }

    @Test
    void badMineSpecsAreRefusedNamingTheField() {
        assertThat(errors(new MineSpec("x", null, null, null, null, null, "insane", null, null, null, null)))
                .anyMatch(e -> e.startsWith("difficulty:"));
        assertThat(errors(new MineSpec("x", null, null, null, null, null, null, 65, null, null, null)))
                .anyMatch(e -> e.startsWith("zeros:"));
        assertThat(errors(new MineSpec("x", null, "abc", null, null, null, null, null, null, null, null)))
                .anyMatch(e -> e.startsWith("prev:"));
        assertThat(errors(new MineSpec(
                        null,
                        null,
                        null,
                        "zz" + GENESIS_MERKLE.substring(2),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null)))
                .anyMatch(e -> e.startsWith("merkle:"));
        assertThat(errors(genesisRange(10, 5, 1))).anyMatch(e -> e.startsWith("nonceEnd:"));
        assertThat(errors(new MineSpec("x", null, null, null, 1L << 32, null, null, null, null, null, null)))
                .anyMatch(e -> e.startsWith("time:"));
        assertThat(errors(new MineSpec("x", null, null, null, null, "1d000000", null, null, null, null, null)))
                .anyMatch(e -> e.startsWith("bits:") && e.contains("zero"));
        assertThat(errors(new MineSpec("x", null, null, null, null, "ff00ffff", null, null, null, null, null)))
                .anyMatch(e -> e.startsWith("bits:") && e.contains("overflow"));
        assertThat(errors(new MineSpec("x", null, null, null, null, "xyz", null, null, null, null, null)))
                .anyMatch(e -> e.startsWith("bits:"));
        assertThat(errors(MineSpec.ofText("find my hash", "easy"))).isEmpty();
        ClusterDriver d = ClusterDriver.withNodes(4, 4, 4096);
        Reply r = d.execute(ClusterDriver.USER, new SubmitJob(null, mine(genesisRange(10, 5, 1), null)));
        assertThat(r.isOk()).isFalse();
        assertThat(d.scheduler.jobs()).isEmpty();
    }

    static List<String> errors(MineSpec m) {
        return JobSpecValidator.validate(mine(m, null));
    }
}
