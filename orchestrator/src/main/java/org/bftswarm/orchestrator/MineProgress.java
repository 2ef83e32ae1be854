package org.bftswarm.orchestrator;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.TreeSet;

/**
 * Replicated progress of one mine job: the units whose task records exist ({@code live}: open ones,
 * and once the job ends the winner and the cancelled rest), the next unit to issue, how many units
 * ended without a solution and the nonces they covered, how many runs lost their node and were placed
 * again, the false solutions refused and who claimed them (they get no more units of this job), and
 * how the search ended with the verified solution. Mutated only by {@link MineSearch} and
 * {@link MineClaims}.
 */
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE,
        setterVisibility = Visibility.NONE,
        creatorVisibility = Visibility.NONE)
final class MineProgress {
    static final String SOLVED = "SOLVED";
    static final String NOT_FOUND = "NOT_FOUND";
    static final String FAILED = "FAILED";
    static final String CANCELLED = "CANCELLED";

    TreeSet<Long> live = new TreeSet<>();
    long nextUnit;
    long unitsDone;
    long noncesCovered;
    long reassigned;
    long falseClaims;
    TreeSet<Integer> falseClaimers = new TreeSet<>();
    /** Null while the search runs, then one of the constants above. */
    String outcome;

    Long nonce;
    Long extraNonce;
    String hash;
    String merkle;
    Integer miner;
    Long solvedAtMillis;

    boolean open() {
        return outcome == null;
    }
}
