package org.bftswarm.node;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Says loudly, at WARN and one line per behaviour, that a node starts faulty on purpose and how. */
final class ByzantineBanner {
    private static final Logger LOG = LoggerFactory.getLogger(ByzantineBanner.class);

    private ByzantineBanner() {}

    static void announce(int nodeId, Set<NodeFault> faults) {
        if (faults.isEmpty()) {
            return;
        }
        LOG.warn(
                "BYZANTINE node {}: this node is FAULTY ON PURPOSE (testing.allowByzantine) and shows {} behaviour(s):",
                nodeId,
                faults.size());
        faults.stream().sorted().forEach(f -> LOG.warn("BYZANTINE node {}:   {}: {}", nodeId, f.cliName(), f.lie()));
    }
}
