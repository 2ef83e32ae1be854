package org.bftswarm.orchestrator.spec;

import java.util.List;

/**
 * How a task's result is trusted: {@value #NONE} takes the report of the one node that ran it;
 * {@value #QUORUM} runs it on f+1 distinct nodes (up to 2f+1 on a mismatch) and accepts a result only
 * when f+1 reports match, so no f nodes can fake one. Only deterministic tasks can pass a quorum.
 */
public final class Verification {
    public static final String NONE = "none";
    public static final String QUORUM = "quorum";
    public static final List<String> MODES = List.of(NONE, QUORUM);

    private Verification() {}
}
