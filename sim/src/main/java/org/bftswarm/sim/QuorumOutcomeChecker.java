package org.bftswarm.sim;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.bftswarm.orchestrator.spec.JobSpec;
import org.bftswarm.orchestrator.view.TaskState;
import org.bftswarm.orchestrator.view.TaskView;

/**
 * End-of-run checks of one task of a deterministic job verified by a quorum (f+1 matching of at most
 * 2f+1 runs on distinct nodes), with at most f lying nodes: the task never ends DISPUTED (the f+1
 * correct runs always match); every honest accepted report, every result a round accepted and the
 * stored result of a task that ended by a report are exactly the fake executor's deterministic result
 * (a WebAssembly shard's: its slice's sum);
 * a round that accepted was verified by at least f+1 nodes, each of which reported exactly the accepted
 * result in that round. Forged votes (a Byzantine node's invented result for its own run) are legitimate
 * reports and may be accepted as votes, but never as a result.
 */
final class QuorumOutcomeChecker {

    private QuorumOutcomeChecker() {}

    /**
     * Checks task {@code t} given its accepted reports and the rounds the correct replicas ended; returns
     * whether a forged vote was cast in a round that accepted a result (its node must then carry evidence).
     */
    static boolean check(
            JobSpec spec,
            TaskView t,
            List<ResultLedger.Accepted> oks,
            NavigableMap<Integer, QuorumRounds.Round> rounds,
            int f,
            List<String> v) {
        if (t.state() == TaskState.DISPUTED) {
            v.add("quorum task " + t.id() + " ended DISPUTED with at most f=" + f + " liars: " + t.reason());
        }
        for (ResultLedger.Accepted a : oks) {
            if (!a.forgedVote()
                    && !FakeExecutor.matchesDeterministic(
                            spec, a.taskId(), a.exitCode(), a.outputDigest(), a.output())) {
                v.add("task " + t.id() + " attempt " + a.attempt()
                        + ": accepted report of a quorum task differs from what the executor produced");
            }
        }
        boolean finishedByReport = t.state() == TaskState.SUCCEEDED
                || (t.state() == TaskState.FAILED && t.exitCode() != null && "exited".equals(t.reason()));
        if (finishedByReport) {
            if (t.outputTruncated()
                    || !FakeExecutor.matchesDeterministic(spec, t.id(), t.exitCode(), t.outputDigest(), t.output())) {
                v.add("accepted result of quorum task " + t.id() + " differs from the executor's: stored exit "
                        + t.exitCode() + " output " + quote(t.output()));
            }
            QuorumRounds.Round last = rounds.get(t.attempt());
            if (last == null || !last.accepted()) {
                v.add("quorum task " + t.id() + " is " + t.state() + " at attempt " + t.attempt()
                        + " but no correct replica was seen accepting that round");
            }
        }
        boolean forgedVoteInAcceptedRound = false;
        for (QuorumRounds.Round r : rounds.values()) {
            if (r.accepted()) {
                Integer previous = rounds.lowerKey(r.lastAttempt());
                Map<Integer, ResultLedger.Accepted> byNode =
                        votesOfRound(oks, previous == null ? 0 : previous, r.lastAttempt());
                checkRound(spec, t, r, byNode, f, v);
                forgedVoteInAcceptedRound |= byNode.values().stream().anyMatch(ResultLedger.Accepted::forgedVote);
            }
        }
        return forgedVoteInAcceptedRound;
    }

    /** The accepted reports of attempts in (after, upTo]: one round's votes, one per node. */
    private static Map<Integer, ResultLedger.Accepted> votesOfRound(
            List<ResultLedger.Accepted> oks, int after, int upTo) {
        Map<Integer, ResultLedger.Accepted> byNode = new TreeMap<>();
        for (ResultLedger.Accepted a : oks) {
            if (a.attempt() > after && a.attempt() <= upTo) {
                byNode.put(a.node(), a);
            }
        }
        return byNode;
    }

    private static void checkRound(
            JobSpec spec,
            TaskView t,
            QuorumRounds.Round r,
            Map<Integer, ResultLedger.Accepted> byNode,
            int f,
            List<String> v) {
        String round = "quorum task " + t.id() + " round ending at attempt " + r.lastAttempt();
        if (r.outputTruncated()
                || !FakeExecutor.matchesDeterministic(spec, t.id(), r.exitCode(), r.outputDigest(), r.output())) {
            v.add("accepted result of quorum task " + t.id() + " differs from the executor's (round ending at attempt "
                    + r.lastAttempt() + ", exit " + r.exitCode() + " output " + quote(r.output()) + ")");
        }
        if (r.verifiedBy().size() < f + 1) {
            v.add(round + " accepted a result verified by " + r.verifiedBy() + ": fewer than f+1=" + (f + 1)
                    + " nodes");
        }
        for (int node : r.verifiedBy()) {
            ResultLedger.Accepted vote = byNode.get(node);
            if (vote == null) {
                v.add(round + ": verifiedBy names node " + node + " with no accepted report in that round");
            } else if (!sameResult(vote, r)) {
                v.add(round + ": verifiedBy names node " + node + " whose accepted report differed");
            }
        }
    }

    private static boolean sameResult(ResultLedger.Accepted vote, QuorumRounds.Round r) {
        return r.exitCode() != null
                && vote.exitCode() == r.exitCode()
                && vote.outputDigest().equals(r.outputDigest())
                && vote.output().equals(r.output());
    }

    private static String quote(String output) {
        return output == null ? "null" : "'" + output.strip().replace("\n", "\\n") + "'";
    }
}
