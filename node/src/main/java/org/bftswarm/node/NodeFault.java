package org.bftswarm.node;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Byzantine behaviours a node can be told to show, for tests that check the cluster tolerates them
 * with real components (a single Byzantine replica that suspects everyone must evict no one; a node
 * that lies about results or capacity must not get its lies accepted). A production node runs with none, and
 * a node refuses every one of them unless its configuration says {@code testing.allowByzantine: true}
 * ({@link FaultPermission}). Each has the name {@code --byzantine} takes on the command line.
 */
public enum NodeFault {
    /** Orders a signed {@code SuspectNode(me, v)} against every other node, all the time. */
    SUSPECT_EVERYONE("suspect-everyone", "suspects every other node all the time"),
    /** Reports exit 0 and made-up output for every attempt assigned to it, without running it. */
    FAKE_RESULTS("fake-results", "reports exit 0 and invented output without running the task"),
    /** Runs the task, then reports altered output (with a matching digest) and the real exit code. */
    TAMPER_OUTPUT("tamper-output", "runs the task and reports altered output with a matching digest"),
    /** Claims a solution for every mine unit assigned to it, without hashing (a nonce that misses the target). */
    FALSE_SOLUTIONS("false-solutions", "claims false proof-of-work solutions without hashing"),
    /** Registers with 1000 times the CPUs and memory its configuration gives it. */
    INFLATE_CAPACITY("inflate-capacity", "registers 1000x its configured CPUs and memory"),
    /** Takes the attempts assigned to it and never reports them started or finished. */
    SILENT_WORKER("silent-worker", "takes tasks and never reports them started or finished"),
    /** Its API changes the image and command of bearer-token submissions before ordering them. */
    ALTER_SUBMISSIONS("alter-submissions", "changes the image and command of submissions before forwarding them"),
    /** Its API reports every job COMPLETE with made-up output (and signs that answer). */
    LIE_ON_READS("lie-on-reads", "answers job reads with a made-up state and output"),
    /** Its API accepts submissions and never orders them. */
    DROP_SUBMISSIONS("drop-submissions", "drops every submission it receives");

    private final String cliName;
    private final String lie;

    NodeFault(String cliName, String lie) {
        this.cliName = cliName;
        this.lie = lie;
    }

    /** The name {@code --byzantine} accepts, e.g. {@code fake-results}. */
    public String cliName() {
        return cliName;
    }

    /** What a node showing this fault does, for its log. */
    public String lie() {
        return lie;
    }

    /** Every valid {@code --byzantine} name, comma-separated, in declaration order. */
    public static String cliNames() {
        return Arrays.stream(values()).map(NodeFault::cliName).collect(Collectors.joining(", "));
    }

    /**
     * The fault named {@code name} on the command line (case and surrounding blanks ignored).
     *
     * @throws IllegalArgumentException naming the valid behaviours when there is none of that name
     */
    public static NodeFault fromCliName(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (NodeFault f : values()) {
            if (f.cliName.equals(wanted)) {
                return f;
            }
        }
        throw new IllegalArgumentException(
                "unknown Byzantine behaviour `" + (name == null ? "" : name.strip()) + "`; valid: " + cliNames());
    }
}
