package org.bftswarm.node.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The schema of {@code cluster-config.yaml} exactly as written by a user: every field is optional
 * (null = "use the default") except {@code swarm}. Jackson binds the YAML tree onto these records
 * after {@link SchemaChecker} has proven that every key is known and every value has the right
 * type; {@link ConfigResolver} then applies defaults and semantic rules to produce a
 * {@link ClusterConfig}. The field names here are the configuration reference of the README.
 */
public record ConfigDocument(
        String swarm,
        Nodes nodes,
        Boolean cleanup,
        String dataDir,
        Consensus consensus,
        Heartbeat heartbeat,
        Capacity capacity,
        Map<String, String> labels,
        Verification verification,
        Testing testing,
        List<Client> clients,
        Api api,
        Retention retention,
        Gossip gossip,
        Energy energy) {

    /** {@code nodes:} how many nodes, where they run, and which ports they use. */
    public record Nodes(
            Integer count, List<NodeEntry> list, Integer httpPort, Integer wsPort, RandomPortRange randomPortRange) {}

    /**
     * One element of {@code nodes.list}: a node on an explicit host, with optional overrides and its
     * public key ({@code publicKey}, as {@code ./bftswarm keygen --node I} prints it on the node's own host).
     */
    public record NodeEntry(
            String host,
            Integer httpPort,
            Integer wsPort,
            Capacity capacity,
            Map<String, String> labels,
            String publicKey) {}

    /** {@code nodes.randomPortRange:} the inclusive range consensus and state ports come from. */
    public record RandomPortRange(Integer min, Integer max) {}

    /** {@code consensus:} PBFT batching, checkpoint and timeout parameters. */
    public record Consensus(
            Integer batchMaxSize,
            Integer batchMaxDelayMs,
            Integer checkpointInterval,
            Integer requestTimeoutMs,
            Integer watermarkWindow) {}

    /** {@code gossip:} bounds of the adaptive heartbeat interval (see {@link GossipSettings}). */
    public record Gossip(Integer minIntervalMs, Integer maxIntervalMs) {}

    /** {@code energy:} how power, energy and carbon are figured (see {@link EnergySettings}). */
    public record Energy(Double carbonIntensityGco2PerKwh, String deviceClass, Map<String, Double> tdpWatts) {}

    /** {@code heartbeat:} liveness signalling through the CRDT store. */
    public record Heartbeat(Integer periodMs, Integer suspicionTimeoutMs) {}

    /** {@code capacity:} what one node offers to the scheduler. */
    public record Capacity(Integer cpus, Integer memoryMb) {}

    /** {@code verification:} how task results are trusted by default (see {@link VerificationSettings}). */
    public record Verification(@JsonProperty("default") String defaultMode, Integer quarantineAfter) {}

    /** {@code testing:} switches for test clusters only (see {@link TestingSettings}). */
    public record Testing(Boolean allowByzantine) {}

    /** One element of {@code clients:}: a client identity (see {@link ClientEntry}). */
    public record Client(String name, String publicKey, String role) {}

    /**
     * {@code retention:} how many finished jobs are kept, how long and with how much output (see {@link
     * RetentionSettings}).
     */
    public record Retention(Integer finishedJobs, Integer maxAgeSeconds, Integer maxOutputBytes) {}

    /** {@code api:} what the HTTP API accepts (see {@link ApiSettings}). */
    public record Api(Boolean allowToken, Long maxModuleBytes, Long maxDatasetBytes) {}
}
