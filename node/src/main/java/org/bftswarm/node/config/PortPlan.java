package org.bftswarm.node.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds ports that two services would both bind on the same host: every node's HTTP, WebSocket,
 * consensus and state port is a claim, and a claim on a (host, port) already taken is a collision.
 * "localhost" and "127.0.0.1" count as the same host. Only the first collision per configuration
 * path is returned, so one bad base port yields one message, not one per node.
 */
public final class PortPlan {
    private PortPlan() {}

    /** A service wanting a port: {@code owner} reads like "node 2 http", {@code path} is where it is configured. */
    public record Claim(String host, int port, String owner, String path) {}

    /** {@code later} wants the port that {@code earlier} already has. */
    public record Collision(Claim later, Claim earlier) {}

    public static List<Collision> collisions(List<Claim> claims) {
        Map<String, Claim> taken = new TreeMap<>();
        Set<String> reportedPaths = new HashSet<>();
        List<Collision> found = new ArrayList<>();
        for (Claim claim : claims) {
            String key = canonicalHost(claim.host()) + ":" + claim.port();
            Claim earlier = taken.putIfAbsent(key, claim);
            if (earlier != null && reportedPaths.add(claim.path())) {
                found.add(new Collision(claim, earlier));
            }
        }
        return found;
    }

    static String canonicalHost(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.equals("localhost") ? "127.0.0.1" : lower;
    }
}
