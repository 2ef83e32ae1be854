package org.bftswarm.orchestrator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bftswarm.orchestrator.mine.BlockHeader;
import org.bftswarm.orchestrator.mine.HashHex;
import org.bftswarm.orchestrator.mine.WorkUnit;
import org.bftswarm.orchestrator.ops.Reply;
import org.bftswarm.orchestrator.ops.ReplyCode;
import org.bftswarm.orchestrator.spec.MineSpec;
import org.bftswarm.orchestrator.view.ChainBlock;

/**
 * A work unit's report, judged by the state machine: output {@value #NONE} (exit 0) says the unit
 * holds no solution and is one vote of the unit's verification round like any task result; output
 * {@code found nonce=N} claims a solution, which the state machine re-hashes itself (the unit's header
 * with nonce N, SHA-256d) and accepts only when N lies in the unit and the hash meets the target. The
 * first verified claim ends the job at once whatever the verification mode (a valid nonce cannot be
 * faked); the other units are cancelled, and a data block built on the chain head becomes the next
 * block. A false claim is refused: recorded as evidence against the reporter (as a disagreement with
 * an accepted result), counted, and the unit goes back to the pool for another node; the claimer gets
 * no more units of the job.
 */
final class MineClaims {
    static final String NONE = "none";
    static final Pattern FOUND = Pattern.compile("found nonce=([0-9]{1,10})");

    private final SchedulerState state;
    private final TaskLifecycle lifecycle;
    private final MineSearch search;

    MineClaims(SchedulerState state, TaskLifecycle lifecycle, MineSearch search) {
        this.state = state;
        this.lifecycle = lifecycle;
        this.search = search;
    }

    /** Whether {@code vote} claims a solution (exit 0 with a {@code found} output). */
    static boolean isClaim(ResultVote vote) {
        return vote.exitCode() != null
                && vote.exitCode() == 0
                && vote.output() != null
                && vote.output().startsWith("found");
    }

    /** Judges a claimed solution of {@code task} (a unit of {@code job}) reported by {@code run}'s node. */
    Reply claim(JobRecord job, TaskRecord task, RunRecord run, ResultVote vote) {
        MineSpec spec = job.spec.mine();
        WorkUnit unit = spec.unit(task.index);
        Matcher m = FOUND.matcher(vote.output().strip());
        long nonce = m.matches() ? Long.parseLong(m.group(1)) : -1;
        String problem;
        byte[] hash = null;
        if (nonce < 0) {
            problem = "unreadable claim";
        } else if (nonce < unit.from() || nonce > unit.to()) {
            problem = "nonce " + nonce + " outside unit [" + unit.from() + ", " + unit.to() + "]";
        } else {
            BlockHeader header = spec.header(unit.extraNonce()).withNonce(nonce);
            hash = header.hash();
            problem = spec.target().isMetBy(hash)
                    ? null
                    : "hash " + HashHex.displayed(hash) + " of nonce " + nonce + " misses the target";
        }
        if (problem != null) {
            refuse(job, task, run, vote, problem);
            return Reply.ok(
                    ReplyCode.TASK_FINISHED,
                    task.id + " attempt " + run.attempt() + ": false solution refused (" + problem + ")");
        }
        lifecycle.acceptVerified(task, run, vote);
        MineProgress p = job.mine;
        p.nonce = nonce;
        p.extraNonce = unit.extraNonce();
        p.hash = HashHex.displayed(hash);
        p.merkle = HashHex.displayed(spec.header(unit.extraNonce()).merkleRoot());
        p.miner = run.node();
        p.solvedAtMillis = state.clockMillis;
        p.noncesCovered += nonce - unit.from() + 1;
        search.end(job, MineProgress.SOLVED, "nonce " + nonce + " hash " + p.hash + " verified");
        extendChain(job);
        return Reply.ok(ReplyCode.TASK_FINISHED, task.id + " attempt " + run.attempt() + ": solution verified");
    }

    private void refuse(JobRecord job, TaskRecord task, RunRecord run, ResultVote vote, String problem) {
        job.mine.falseClaims++;
        job.mine.falseClaimers.add(run.node());
        state.recordDisagreement(run.node(), task.id, run.attempt(), vote.key(), "re-hashed: " + problem);
        lifecycle.refuseClaim(task, run, "false solution refused: " + problem);
    }

    /** A solved data block whose previous hash is still the chain head becomes the next block. */
    private void extendChain(JobRecord job) {
        MineSpec spec = job.spec.mine();
        MineProgress p = job.mine;
        if (spec.data() == null || !spec.prev().equals(state.chainHead())) {
            return;
        }
        long height = state.chain.size() + 1L;
        double seconds = (state.clockMillis - job.submittedAtMillis) / 1000.0;
        state.chain.add(new ChainBlock(
                height,
                p.hash,
                spec.prev(),
                p.merkle,
                spec.time(),
                p.nonce,
                p.miner,
                p.noncesCovered,
                seconds,
                state.clockMillis,
                job.id));
        state.emit("chain", String.valueOf(height), "MINED", null, p.miner, p.hash);
    }
}
