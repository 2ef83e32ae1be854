package org.bftswarm.state.persist;

import java.nio.file.Path;
import java.util.Optional;
import org.bftswarm.state.ClusterStateNode;
import org.bftswarm.state.StateNodeConfig;
import org.bftswarm.state.TestKeys;
import org.bftswarm.state.view.NodeCounter;

/**
 * Child JVM for the kill -9 test: writes and commits some state, reports what is durable, then keeps
 * writing (committing every 20 ms) until it is killed.
 */
public final class CrashChild {
    public static void main(String[] args) throws Exception {
        ClusterStateNode node = ClusterStateNode.open(new StateNodeConfig(
                KillNineTest.SWARM, 0, TestKeys.key(0), TestKeys.registry(1), Path.of(args[0]), Optional.empty(), 20));
        long seq = 0;
        for (; seq < 5; seq++) {
            node.writer().heartbeat(seq, 1_000 + seq);
        }
        node.writer().count(NodeCounter.TASKS_RUN, 7, 2_000);
        node.flush();
        System.out.println("COMMITTED " + (seq - 1));
        System.out.flush();
        while (true) {
            node.writer().heartbeat(seq, 1_000 + seq);
            seq++;
            Thread.sleep(1);
        }
    }
}
