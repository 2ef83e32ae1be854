package org.bftswarm.orchestrator.verify;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bftswarm.crypto.Invariants;

/**
 * The verification-quorum rule for one round of a task, pure arithmetic over the result keys reported
 * so far. A round accepts a result once {@code needed} reports carry the same key; it launches runs on
 * distinct nodes until it has, but never more than {@code cap} runs in all (reported or lost). With
 * {@code needed = f+1} at least one matching report comes from a correct node, so no group of f liars
 * can make a result accepted; with {@code cap = 2f+1} the f+1 correct nodes among them always agree on
 * a deterministic task, so f liars cannot stall it either. {@code needed = cap = 1} is the trust-one-node
 * mode: the first report is the result.
 *
 * <p>A lost run (timed out with no report) uses up one of the {@code cap} runs but is no vote.
 */
public record ResultQuorum(int needed, int cap) {

    public ResultQuorum {
        Invariants.check(needed >= 1 && cap >= needed, "need 1 <= needed <= cap, got %s, %s", needed, cap);
    }

    /** Trust the one node that ran the task. */
    public static ResultQuorum trustOne() {
        return new ResultQuorum(1, 1);
    }

    /** f+1 matching of at most 2f+1 runs. */
    public static ResultQuorum forFaults(int f) {
        Invariants.check(f >= 0, "f must be >= 0, got %s", f);
        return new ResultQuorum(f + 1, 2 * f + 1);
    }

    /** Where a round stands. */
    public sealed interface Verdict {
        /** {@code key} has {@code needed} matching reports: the round's result. */
        record Accepted(String key) implements Verdict {}

        /** Undecided: {@code wanted} more runs should be in flight (beyond those already running). */
        record Undecided(int wanted) implements Verdict {}

        /** Every run of the cap reported and no key has {@code needed} reports. */
        record Disputed() implements Verdict {}

        /** No key can reach {@code needed} any more because runs were lost without reporting. */
        record Exhausted() implements Verdict {}
    }

    /**
     * The verdict after {@code keys} (in order of arrival) were reported, {@code lost} runs ended with no
     * report and {@code running} runs are still in flight.
     */
    public Verdict judge(List<String> keys, int lost, int running) {
        Invariants.check(lost >= 0 && running >= 0, "negative run counts %s, %s", lost, running);
        Invariants.check(
                keys.size() + lost + running <= cap,
                "%s reports + %s lost + %s running exceed the cap %s",
                keys.size(),
                lost,
                running,
                cap);
        Optional<String> accepted = firstToReach(keys);
        if (accepted.isPresent()) {
            return new Verdict.Accepted(accepted.get());
        }
        int best = largestGroup(keys);
        int left = cap - keys.size() - lost;
        if (best + left < needed) {
            return keys.size() == cap ? new Verdict.Disputed() : new Verdict.Exhausted();
        }
        int stillNeeded = needed - best;
        return new Verdict.Undecided(Math.max(0, Math.min(stillNeeded, left) - running));
    }

    /** The key that first reached {@code needed} reports, scanning in order of arrival. */
    private Optional<String> firstToReach(List<String> keys) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String key : keys) {
            if (counts.merge(key, 1, Integer::sum) >= needed) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    private static int largestGroup(List<String> keys) {
        Map<String, Integer> counts = new TreeMap<>();
        int best = 0;
        for (String key : keys) {
            best = Math.max(best, counts.merge(key, 1, Integer::sum));
        }
        return best;
    }
}
