package org.bftswarm.deploy.cli;

import java.util.Arrays;
import java.util.Iterator;
import org.bftswarm.node.NodeFault;

/** The {@code --byzantine} behaviour names, for picocli's {@code ${COMPLETION-CANDIDATES}} in help texts. */
final class NodeFaultNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(NodeFault.values()).map(NodeFault::cliName).iterator();
    }
}
