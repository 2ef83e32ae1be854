package org.bftswarm.node.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.bftswarm.consensus.core.Quorums;
import org.bftswarm.crypto.Invariants;
import org.bftswarm.crypto.VerifyingKey;

/**
 * A valid, fully resolved cluster configuration: what the node runtime, the launcher and the CLI
 * use. PBFT sizing follows Castro &amp; Liskov §2: n replicas tolerate f = ⌊(n−1)/3⌋ faulty ones,
 * and certificates need a quorum of 2f+1 when n = 3f+1 (in general ⌈(n+f+1)/2⌉). The base ports and the
 * {@code explicitNodeList} flag are kept so that {@link ConfigWriter} can write the file back.
 */
public record ClusterConfig(
        String swarm,
        List<ResolvedNode> nodes,
        boolean explicitNodeList,
        int httpPortBase,
        int wsPortBase,
        PortRange randomPortRange,
        boolean cleanup,
        String dataDir,
        ConsensusSettings consensus,
        HeartbeatSettings heartbeat,
        CapacitySettings capacity,
        SortedMap<String, String> labels,
        VerificationSettings verification,
        TestingSettings testing,
        List<ClientEntry> clients,
        ApiSettings api,
        RetentionSettings retention,
        GossipSettings gossip,
        EnergySettings energy) {

    /** Client principal ids start here; replica ids must stay below. */
    public static final int MAX_NODES = 1000;

    public ClusterConfig {
        Invariants.check(swarm != null && !swarm.isBlank(), "swarm name missing");
        Invariants.check(!nodes.isEmpty() && nodes.size() <= MAX_NODES, "bad node count %d", nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            Invariants.check(
                    nodes.get(i).id() == i,
                    "node at index %d has id %d",
                    i,
                    nodes.get(i).id());
        }
        nodes = List.copyOf(nodes);
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        Invariants.check(verification != null, "verification settings missing");
        Invariants.check(testing != null, "testing settings missing");
        clients = List.copyOf(clients);
        Invariants.check(api != null, "api settings missing");
        Invariants.check(retention != null, "retention settings missing");
        Invariants.check(gossip != null, "gossip settings missing");
        Invariants.check(energy != null, "energy settings missing");
    }

    /** A configuration without clients and with the default {@code api:} section. */
    public ClusterConfig(
            String swarm,
            List<ResolvedNode> nodes,
            boolean explicitNodeList,
            int httpPortBase,
            int wsPortBase,
            PortRange randomPortRange,
            boolean cleanup,
            String dataDir,
            ConsensusSettings consensus,
            HeartbeatSettings heartbeat,
            CapacitySettings capacity,
            SortedMap<String, String> labels,
            VerificationSettings verification,
            TestingSettings testing) {
        this(
                swarm,
                nodes,
                explicitNodeList,
                httpPortBase,
                wsPortBase,
                randomPortRange,
                cleanup,
                dataDir,
                consensus,
                heartbeat,
                capacity,
                labels,
                verification,
                testing,
                List.of(),
                ApiSettings.DEFAULTS,
                RetentionSettings.DEFAULTS,
                GossipSettings.DEFAULTS,
                EnergySettings.DEFAULTS);
    }

    /**
     * A configuration with the default {@code verification:}, {@code testing:} and {@code api:} sections and
     * no clients.
     */
    public ClusterConfig(
            String swarm,
            List<ResolvedNode> nodes,
            boolean explicitNodeList,
            int httpPortBase,
            int wsPortBase,
            PortRange randomPortRange,
            boolean cleanup,
            String dataDir,
            ConsensusSettings consensus,
            HeartbeatSettings heartbeat,
            CapacitySettings capacity,
            SortedMap<String, String> labels) {
        this(
                swarm,
                nodes,
                explicitNodeList,
                httpPortBase,
                wsPortBase,
                randomPortRange,
                cleanup,
                dataDir,
                consensus,
                heartbeat,
                capacity,
                labels,
                VerificationSettings.DEFAULTS,
                TestingSettings.DEFAULTS);
    }

    /** The same configuration with {@code testing:} replaced. */
    public ClusterConfig withTesting(TestingSettings replaced) {
        return new ClusterConfig(
                swarm,
                nodes,
                explicitNodeList,
                httpPortBase,
                wsPortBase,
                randomPortRange,
                cleanup,
                dataDir,
                consensus,
                heartbeat,
                capacity,
                labels,
                verification,
                replaced,
                clients,
                api,
                retention,
                gossip,
                energy);
    }

    /** Number of replicas. */
    public int n() {
        return nodes.size();
    }

    /** Number of faulty replicas tolerated: ⌊(n−1)/3⌋. */
    public int f() {
        return faultsTolerated(n());
    }

    /** Size of a PBFT certificate quorum; 2f+1 when n = 3f+1 (see {@link #quorumSize(int)}). */
    public int quorum() {
        return quorumSize(n());
    }

    /**
     * Every node's public key by node id when the configuration carries them ({@code nodes.list[].publicKey},
     * all or none), so no host needs another node's key file; empty when keys live in the key directory.
     */
    public Optional<List<VerifyingKey>> configuredNodeKeys() {
        if (nodes.isEmpty() || nodes.stream().anyMatch(r -> r.publicKey() == null)) {
            return Optional.empty();
        }
        return Optional.of(nodes.stream().map(ResolvedNode::publicKey).toList());
    }

    public ResolvedNode node(int id) {
        Invariants.check(id >= 0 && id < nodes.size(), "no node %d in a cluster of %d", id, nodes.size());
        return nodes.get(id);
    }

    /** The data directory, relative paths taken from the directory of the configuration file. */
    public Path dataDirectory(Path configDirectory) {
        return configDirectory.resolve(dataDir).normalize();
    }

    public static int faultsTolerated(int n) {
        Invariants.check(n >= 1, "n %d < 1", n);
        return Quorums.faultsTolerated(n);
    }

    /**
     * The smallest quorum q such that any two quorums share at least f+1 replicas (so at least one
     * correct one): q = ⌈(n+f+1)/2⌉. It equals 2f+1 when n = 3f+1; for other n, 2f+1 would be
     * unsafe (n = 5, f = 1: two quorums of 3 share a single, possibly faulty, replica), and
     * q ≤ n−f still holds, so the correct replicas alone can always form one. The consensus core
     * uses exactly this size ({@link Quorums#certificate()}).
     */
    public static int quorumSize(int n) {
        return new Quorums(n).certificate();
    }
}
