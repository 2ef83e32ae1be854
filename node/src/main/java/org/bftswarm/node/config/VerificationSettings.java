package org.bftswarm.node.config;

import java.util.List;

/**
 * The {@code verification:} section: the verification mode of jobs that name none ({@code none} trusts
 * the one node that ran a task; {@code quorum} accepts a result only when f+1 distinct nodes report the
 * same one), and after how many disagreements with accepted results a node is quarantined (it gets no
 * new tasks until f+1 nodes vote to readmit it).
 */
public record VerificationSettings(String defaultMode, int quarantineAfter) {

    public static final List<String> MODES = List.of("none", "quorum");
    public static final VerificationSettings DEFAULTS = new VerificationSettings("none", 3);
}
