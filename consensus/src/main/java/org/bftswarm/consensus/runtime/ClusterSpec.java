package org.bftswarm.consensus.runtime;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.bftswarm.crypto.Invariants;

/**
 * Who the replicas are and where they listen: swarm name and the address of replica i at index i
 * (PBFT, Castro &amp; Liskov, OSDI '99, section 4: n = 3f+1, replica ids 0..n-1, the
 * primary of view v is v mod n).
 */
public record ClusterSpec(String swarm, List<InetSocketAddress> replicas) {

    public ClusterSpec {
        replicas = List.copyOf(replicas);
        Invariants.check(
                replicas.size() >= 4 && (replicas.size() - 1) % 3 == 0,
                "n must be 3f+1 with f >= 1, got %s",
                replicas.size());
    }

    public int n() {
        return replicas.size();
    }

    /** Faults tolerated: (n-1)/3. */
    public int f() {
        return (replicas.size() - 1) / 3;
    }

    public InetSocketAddress address(int replica) {
        return replicas.get(replica);
    }

    /** Parses {@code host:port,host:port,...}; throws IllegalArgumentException with the bad part. */
    public static ClusterSpec parse(String swarm, String addresses) {
        List<InetSocketAddress> out = new ArrayList<>();
        for (String part : addresses.split(",")) {
            String p = part.trim();
            int colon = p.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("expected host:port, got '" + p + "'");
            }
            int port;
            try {
                port = Integer.parseInt(p.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad port in '" + p + "'");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port out of range in '" + p + "'");
            }
            out.add(new InetSocketAddress(p.substring(0, colon), port));
        }
        return new ClusterSpec(swarm, out);
    }

    /** The inverse of {@link #parse}. */
    public String addressList() {
        StringBuilder b = new StringBuilder();
        for (InetSocketAddress a : replicas) {
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(a.getHostString()).append(':').append(a.getPort());
        }
        return b.toString();
    }
}
