package org.bftswarm.tests.byzantine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.bftswarm.tests.support.RealCluster;

/**
 * The real cluster of the Byzantine-node suites: HTTP ports 18600+, WebSocket 19600+, consensus/state
 * 26000+ (apart from the other suites' ranges), Byzantine behaviours allowed by the configuration, a 2 s
 * consensus request timeout and fast heartbeat timers.
 */
final class ByzantineCluster extends RealCluster {
    ByzantineCluster(Path dir) throws IOException {
        super(
                dir,
                "Byzantine-node tests",
                "byz",
                new PortBases(18600, 19600, 26000),
                List.of(
                        "consensus:",
                        "  requestTimeoutMs: 2000",
                        "heartbeat:",
                        "  periodMs: 500",
                        "  suspicionTimeoutMs: 3000",
                        "testing:",
                        "  allowByzantine: true"));
    }
}
