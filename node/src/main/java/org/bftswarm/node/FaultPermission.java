package org.bftswarm.node;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bftswarm.node.config.ClusterConfig;
import org.bftswarm.node.config.TestingSettings;

/**
 * The one rule that lets a node lie: a {@link NodeFault} is allowed only when the cluster
 * configuration says {@code testing.allowByzantine: true}. {@link NodeSettings} enforces it, and the
 * {@code node} and {@code up} commands ask it first so they can refuse with its message.
 */
public final class FaultPermission {
    private FaultPermission() {}

    /** Why {@code faults} may not run under {@code config}, or empty when they may (or there are none). */
    public static Optional<String> refusal(ClusterConfig config, Set<NodeFault> faults) {
        if (faults.isEmpty() || config.testing().allowByzantine()) {
            return Optional.empty();
        }
        String names = faults.stream().map(NodeFault::cliName).sorted().collect(Collectors.joining(", "));
        return Optional.of("refusing Byzantine behaviour(s) " + names + ": the cluster configuration does not set `"
                + TestingSettings.ALLOW_BYZANTINE_KEY + ": true` (add `testing: {allowByzantine: true}`"
                + " to a test cluster's configuration, never to a production one)");
    }
}
