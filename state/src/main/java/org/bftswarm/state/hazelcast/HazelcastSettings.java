package org.bftswarm.state.hazelcast;

import java.util.List;
import org.bftswarm.crypto.Invariants;

/**
 * Where this node's embedded Hazelcast member listens and whom it joins: bind
 * host and port from the cluster config, the explicit "host:port" member list, the join wait and
 * the TCP-IP connection timeout (Hazelcast's defaults, 5 s each, dominate formation time; on
 * loopback or a LAN 1 s and 2 s are plenty).
 */
public record HazelcastSettings(
        String swarm,
        String bindHost,
        int port,
        List<String> members,
        int waitSecondsBeforeJoin,
        int connectTimeoutSeconds) {
    public static final int DEFAULT_WAIT_SECONDS_BEFORE_JOIN = 1;
    public static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 2;

    public HazelcastSettings {
        Invariants.check(swarm != null && !swarm.isBlank(), "swarm name required");
        Invariants.check(bindHost != null && !bindHost.isBlank(), "bind host required");
        Invariants.check(port > 0 && port < 65536, "port out of range: %s", port);
        Invariants.check(members != null && !members.isEmpty(), "member list required");
        Invariants.check(waitSecondsBeforeJoin >= 0, "join wait must be >= 0");
        Invariants.check(connectTimeoutSeconds >= 1, "connect timeout must be >= 1 s");
        members = List.copyOf(members);
    }

    public HazelcastSettings(String swarm, String bindHost, int port, List<String> members) {
        this(swarm, bindHost, port, members, DEFAULT_WAIT_SECONDS_BEFORE_JOIN, DEFAULT_CONNECT_TIMEOUT_SECONDS);
    }

    public String address() {
        return bindHost + ":" + port;
    }
}
