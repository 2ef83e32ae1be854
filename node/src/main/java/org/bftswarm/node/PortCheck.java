package org.bftswarm.node;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Fails fast, before anything binds, when one of the node's ports is already taken, so the operator
 * reads "port 8080 (HTTP API of node 0) on 127.0.0.1 is already in use" instead of a stack trace
 * from whichever library bound it first.
 */
public final class PortCheck {
    private PortCheck() {}

    public static void requireFree(String host, int port, String what) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (IOException e) {
            throw new NodeStartupException(
                    "port " + port + " (" + what + ") on " + host
                            + " is already in use or cannot be bound: " + e.getMessage()
                            + " (is another bftswarm node or cluster running? see `./bftswarm status`)",
                    e);
        }
    }
}
