package org.bftswarm.deploy.launcher;

import java.util.ArrayList;
import java.util.List;
import org.bftswarm.crypto.Invariants;

/**
 * How the task bench splits its work into alternating rounds, so that a load change on a shared
 * machine favours no side: each round gets an equal share of the tasks (the first rounds one more
 * when they do not divide evenly), and the cluster phases take turns going first (round r starts
 * with phase r mod count). Pure.
 */
final class BenchRounds {
    private BenchRounds() {}

    /**
     * The tasks of round {@code round} (from 0) when {@code tasks} are split over {@code rounds}; the
     * shares sum to tasks.
     */
    static int share(int tasks, int rounds, int round) {
        Invariants.check(
                rounds >= 1 && round >= 0 && round < rounds && tasks >= 0,
                "round %s of %s for %s tasks",
                round,
                rounds,
                tasks);
        return tasks / rounds + (round < tasks % rounds ? 1 : 0);
    }

    /** {@code phases} rotated left by {@code round}: each phase goes first in every count-th round. */
    static <T> List<T> order(List<T> phases, int round) {
        List<T> out = new ArrayList<>(phases.size());
        for (int i = 0; i < phases.size(); i++) {
            out.add(phases.get((i + round) % phases.size()));
        }
        return out;
    }
}
