package org.bftswarm.orchestrator.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.bftswarm.orchestrator.verify.ResultQuorum.Verdict;
import org.junit.jupiter.api.Test;

class ResultQuorumTest {

    @Test
    void trustOneAcceptsTheFirstReport() {
        assertThat(ResultQuorum.trustOne().judge(List.of("x"), 0, 0)).isEqualTo(new Verdict.Accepted("x"));
        assertThat(ResultQuorum.trustOne().judge(List.of(), 0, 0)).isEqualTo(new Verdict.Undecided(1));
        assertThat(ResultQuorum.trustOne().judge(List.of(), 1, 0)).isEqualTo(new Verdict.Exhausted());
    }

    @Test
    void quorumStartsWithFPlusOneRunsAndAddsOneOnEachMismatch() {
        ResultQuorum q = ResultQuorum.forFaults(1);
        assertThat(q.judge(List.of(), 0, 0)).isEqualTo(new Verdict.Undecided(2));
        assertThat(q.judge(List.of("a"), 0, 1)).isEqualTo(new Verdict.Undecided(0));
        assertThat(q.judge(List.of("a", "b"), 0, 0)).isEqualTo(new Verdict.Undecided(1));
        assertThat(q.judge(List.of("a", "b", "a"), 0, 0)).isEqualTo(new Verdict.Accepted("a"));
        assertThat(q.judge(List.of("a", "b", "c"), 0, 0)).isEqualTo(new Verdict.Disputed());
        assertThat(q.judge(List.of("a", "b"), 1, 0)).isEqualTo(new Verdict.Exhausted());
    }

    /**
     * Whatever f liars report, and in whatever order reports arrive, a result is accepted only if at
     * least one correct node reported it, and with f+1 correct nodes reporting the truth the round always
     * ends accepting the truth.
     */
    @Property(tries = 500)
    void fLiarsCanNeitherFakeNorBlockAResult(
            @ForAll @IntRange(min = 1, max = 4) int f,
            @ForAll @IntRange(min = 0, max = 4) int liars,
            @ForAll long order,
            @ForAll boolean liarsCollude) {
        int actualLiars = Math.min(liars, f);
        ResultQuorum q = ResultQuorum.forFaults(f);
        List<String> pool = new ArrayList<>();
        for (int i = 0; i < actualLiars; i++) {
            pool.add(liarsCollude ? "lie" : "lie-" + i);
        }
        for (int i = 0; i < q.cap() - actualLiars; i++) {
            pool.add("truth");
        }
        Collections.shuffle(pool, new Random(order));
        List<String> reported = new ArrayList<>();
        Verdict v = q.judge(reported, 0, 0);
        while (v instanceof Verdict.Undecided u) {
            assertThat(u.wanted()).isPositive();
            reported.add(pool.remove(0));
            v = q.judge(reported, 0, 0);
        }
        assertThat(v).isEqualTo(new Verdict.Accepted("truth"));
        assertThat(reported.size()).isLessThanOrEqualTo(q.cap());
    }

    @Property(tries = 300)
    void neverWantsMoreRunsThanTheCapLeaves(
            @ForAll @IntRange(min = 0, max = 3) int f,
            @ForAll @IntRange(min = 0, max = 7) int reports,
            @ForAll @IntRange(min = 0, max = 7) int lost,
            @ForAll @IntRange(min = 0, max = 7) int running) {
        ResultQuorum q = ResultQuorum.forFaults(f);
        if (reports + lost + running > q.cap()) {
            return;
        }
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < reports; i++) {
            keys.add("k" + i);
        }
        Verdict v = q.judge(keys, lost, running);
        if (v instanceof Verdict.Undecided u) {
            assertThat(reports + lost + running + u.wanted()).isLessThanOrEqualTo(q.cap());
        }
    }
}
