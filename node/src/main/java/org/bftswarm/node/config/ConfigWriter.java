package org.bftswarm.node.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Writes a {@link ClusterConfig} back as a configuration document with every default made
 * explicit ({@code config show}). The output is itself a valid configuration that resolves to an
 * equal {@link ClusterConfig} (YAML and JSON alike; JSON is valid YAML).
 */
public final class ConfigWriter {
    private final ObjectMapper yaml = ConfigMappers.yaml();
    private final ObjectMapper json = ConfigMappers.json();

    public String toYaml(ClusterConfig config) {
        return write(yaml, config);
    }

    public String toJson(ClusterConfig config) {
        return write(json, config) + System.lineSeparator();
    }

    /** The explicit document form of a resolved configuration. */
    public static ConfigDocument toDocument(ClusterConfig c) {
        List<ConfigDocument.NodeEntry> list = null;
        if (c.explicitNodeList()) {
            list = new ArrayList<>();
            for (ResolvedNode node : c.nodes()) {
                list.add(new ConfigDocument.NodeEntry(
                        node.host(),
                        node.httpPort(),
                        node.wsPort(),
                        capacity(node.capacity()),
                        new TreeMap<>(node.labels()),
                        node.publicKey() == null ? null : node.publicKey().hex()));
            }
        }
        ConfigDocument.Nodes nodes = new ConfigDocument.Nodes(
                c.explicitNodeList() ? null : c.n(),
                list,
                c.httpPortBase(),
                c.wsPortBase(),
                new ConfigDocument.RandomPortRange(
                        c.randomPortRange().min(), c.randomPortRange().max()));
        ConsensusSettings k = c.consensus();
        SortedMap<String, String> labels = new TreeMap<>(c.labels());
        return new ConfigDocument(
                c.swarm(),
                nodes,
                c.cleanup(),
                c.dataDir(),
                new ConfigDocument.Consensus(
                        k.batchMaxSize(),
                        k.batchMaxDelayMs(),
                        k.checkpointInterval(),
                        k.requestTimeoutMs(),
                        k.watermarkWindow()),
                new ConfigDocument.Heartbeat(
                        c.heartbeat().periodMs(), c.heartbeat().suspicionTimeoutMs()),
                capacity(c.capacity()),
                labels,
                new ConfigDocument.Verification(
                        c.verification().defaultMode(), c.verification().quarantineAfter()),
                new ConfigDocument.Testing(c.testing().allowByzantine()),
                clients(c.clients()),
                new ConfigDocument.Api(
                        c.api().allowToken(), c.api().maxModuleBytes(), c.api().maxDatasetBytes()),
                new ConfigDocument.Retention(
                        c.retention().finishedJobs(), (int) c.retention().maxAgeSeconds(), (int)
                                c.retention().maxOutputBytes()),
                new ConfigDocument.Gossip(c.gossip().minIntervalMs(), c.gossip().maxIntervalMs()),
                new ConfigDocument.Energy(
                        c.energy().carbonIntensityGco2PerKwh(),
                        c.energy().deviceClass(),
                        new LinkedHashMap<>(c.energy().tdpWatts())));
    }

    private static List<ConfigDocument.Client> clients(List<ClientEntry> clients) {
        return clients.stream()
                .map(e -> new ConfigDocument.Client(e.name(), e.publicKeyHex(), e.role()))
                .toList();
    }

    private static ConfigDocument.Capacity capacity(CapacitySettings capacity) {
        return new ConfigDocument.Capacity(capacity.cpus(), capacity.memoryMb());
    }

    private static String write(ObjectMapper mapper, ClusterConfig config) {
        try {
            return mapper.writeValueAsString(toDocument(config));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a resolved configuration", e);
        }
    }
}
