package org.bftswarm.node;

/**
 * Byzantine behaviours a node can be told to show, for tests that check the cluster tolerates them
 * with real components (for example, a single Byzantine replica that
 * suspects everyone must evict no one). A production node runs with none.
 */
public enum NodeFault {
    /** Orders a signed {@code SuspectNode(me, v)} against every other node, all the time. */
    SUSPECT_EVERYONE
}
