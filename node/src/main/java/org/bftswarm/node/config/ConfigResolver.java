package org.bftswarm.node.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.bftswarm.crypto.VerifyingKey;
import org.bftswarm.orchestrator.spec.DataRules;

/**
 * Turns a schema-checked {@link ConfigDocument} into a {@link ClusterConfig}: applies defaults,
 * enforces the semantic rules (n ≥ 1, ports in range and not colliding, min ≤ max, positive
 * timers, …) and assigns every node its ports deterministically. All problems are collected, each
 * with the line and column of the field it concerns; paths the schema check already reported are
 * not reported again. Pure: no I/O.
 */
public final class ConfigResolver {

    /** The configuration (null when any error was found) and every error and warning. */
    public record Outcome(ClusterConfig config, List<ConfigProblem> problems) {}

    private static final Pattern SWARM_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");
    private static final Pattern HOST_NAME = Pattern.compile(
            "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    private static final Pattern LABEL_KEY = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._/-]{0,61}[A-Za-z0-9])?");
    private static final int MAX_LABEL_VALUE = 256;

    private final String source;
    private final LocatedTree tree;
    private final Set<String> alreadyReported;
    private final List<ConfigProblem> problems = new ArrayList<>();
    private boolean failed;

    private ConfigResolver(String source, LocatedTree tree, Set<String> alreadyReported) {
        this.source = source;
        this.tree = tree;
        this.alreadyReported = alreadyReported;
    }

    public static Outcome resolve(String source, LocatedTree tree, Set<String> alreadyReported, ConfigDocument doc) {
        ConfigResolver resolver = new ConfigResolver(source, tree, alreadyReported);
        ClusterConfig config = resolver.build(doc);
        return new Outcome(config, List.copyOf(resolver.problems));
    }

    /** A node before port assignment: where it runs and what it overrides. */
    private record Draft(
            String host,
            Integer httpPort,
            Integer wsPort,
            CapacitySettings capacity,
            SortedMap<String, String> labels,
            VerifyingKey publicKey,
            String path) {}

    private ClusterConfig build(ConfigDocument doc) {
        String swarm = swarmName(doc.swarm());
        ConfigDocument.Nodes nodes =
                doc.nodes() != null ? doc.nodes() : new ConfigDocument.Nodes(null, null, null, null, null);
        CapacitySettings capacity = capacity(doc.capacity(), ConfigDefaults.CAPACITY, "capacity");
        SortedMap<String, String> labels = labels(doc.labels(), new TreeMap<>(), "labels");
        List<Draft> drafts = drafts(nodes, capacity, labels);
        int n = drafts.size();

        int httpBase = basePort(nodes.httpPort(), ConfigDefaults.HTTP_PORT, "nodes.httpPort", n);
        int wsBase = basePort(nodes.wsPort(), ConfigDefaults.WS_PORT, "nodes.wsPort", n);
        PortRange range = portRange(nodes.randomPortRange(), n);
        ConsensusSettings consensus = consensus(doc.consensus());
        HeartbeatSettings heartbeat = heartbeat(doc.heartbeat());
        GossipSettings gossip = gossip(doc.gossip(), heartbeat);
        boolean cleanup = doc.cleanup() != null ? doc.cleanup() : ConfigDefaults.CLEANUP;
        String dataDir = dataDir(doc.dataDir());
        VerificationSettings verification = verification(doc.verification());
        RetentionSettings retention = retention(doc.retention());
        EnergySettings energy = energy(doc.energy());
        TestingSettings testing = testing(doc.testing());
        List<ClientEntry> clients = ClientsResolver.resolve(doc.clients(), this::error);
        ApiSettings api = api(doc.api());

        if (n >= 1 && n < 4) {
            String where = nodes.list() != null ? "nodes.list" : "nodes.count";
            warn(
                    where,
                    "n = " + n + " gives f = ⌊(n−1)/3⌋ = 0: this cluster tolerates NO faulty node,"
                            + " not even one crash (use n ≥ 4 for f = 1)");
        }
        if (failed) {
            return null;
        }
        List<ResolvedNode> resolved = new ArrayList<>();
        for (int id = 0; id < n; id++) {
            Draft d = drafts.get(id);
            resolved.add(new ResolvedNode(
                    id,
                    d.host(),
                    d.httpPort() != null ? d.httpPort() : httpBase + id,
                    d.wsPort() != null ? d.wsPort() : wsBase + id,
                    range.consensusPort(id),
                    range.statePort(id),
                    d.capacity(),
                    d.labels(),
                    d.publicKey()));
        }
        checkCollisions(resolved, drafts);
        checkNodeKeys(drafts);
        if (failed) {
            return null;
        }
        return new ClusterConfig(
                swarm,
                resolved,
                nodes.list() != null,
                httpBase,
                wsBase,
                range,
                cleanup,
                dataDir,
                consensus,
                heartbeat,
                capacity,
                labels,
                verification,
                testing,
                clients,
                api,
                retention,
                gossip,
                energy);
    }

    private String swarmName(String swarm) {
        if (swarm == null) {
            error(
                    "swarm",
                    "missing: every cluster needs a name, e.g. `swarm: demo`"
                            + " (it is signed into every message, so two clusters never mix)");
            return "invalid";
        }
        if (!SWARM_NAME.matcher(swarm).matches()) {
            error(
                    "swarm",
                    "\"" + swarm + "\" is not a valid cluster name: use 1-63 letters, digits, '.', '_' or '-',"
                            + " starting with a letter or digit");
        }
        return swarm;
    }

    private List<Draft> drafts(
            ConfigDocument.Nodes nodes, CapacitySettings capacity, SortedMap<String, String> labels) {
        List<Draft> drafts = new ArrayList<>();
        if (nodes.list() != null) {
            if (nodes.count() != null) {
                error(
                        "nodes.count",
                        "give either nodes.count or nodes.list, not both (the list has "
                                + nodes.list().size() + " nodes)");
            }
            if (nodes.list().isEmpty()) {
                error("nodes.list", "the list is empty: n must be at least 1");
            } else if (nodes.list().size() > ClusterConfig.MAX_NODES) {
                error(
                        "nodes.list",
                        "has " + nodes.list().size() + " nodes; at most " + ClusterConfig.MAX_NODES
                                + " are allowed (ids from 1000 on belong to clients)");
            }
            for (int i = 0; i < nodes.list().size(); i++) {
                drafts.add(draft(nodes.list().get(i), LocatedTree.element("nodes.list", i), capacity, labels));
            }
            return drafts;
        }
        int count = nodes.count() != null ? nodes.count() : ConfigDefaults.NODE_COUNT;
        if (count < 1) {
            error("nodes.count", "n = " + count + ", but a cluster needs at least 1 node (4 for f = 1)");
            count = 0;
        } else if (count > ClusterConfig.MAX_NODES) {
            error(
                    "nodes.count",
                    "n = " + count + ", but at most " + ClusterConfig.MAX_NODES
                            + " nodes are allowed (ids from 1000 on belong to clients)");
            count = 0;
        }
        for (int i = 0; i < count; i++) {
            drafts.add(new Draft(ConfigDefaults.HOST, null, null, capacity, labels, null, "nodes"));
        }
        return drafts;
    }

    private Draft draft(
            ConfigDocument.NodeEntry entry, String path, CapacitySettings capacity, SortedMap<String, String> labels) {
        String host = entry.host();
        if (host == null) {
            error(LocatedTree.child(path, "host"), "missing: every listed node needs a `host`, e.g. `host: 127.0.0.1`");
            host = ConfigDefaults.HOST;
        } else if (!HOST_NAME.matcher(host).matches()) {
            error(LocatedTree.child(path, "host"), "\"" + host + "\" is not a host name or IPv4 address");
            host = ConfigDefaults.HOST;
        }
        Integer http = entry.httpPort() == null ? null : port(entry.httpPort(), LocatedTree.child(path, "httpPort"));
        Integer ws = entry.wsPort() == null ? null : port(entry.wsPort(), LocatedTree.child(path, "wsPort"));
        CapacitySettings own = capacity(entry.capacity(), capacity, LocatedTree.child(path, "capacity"));
        SortedMap<String, String> merged = labels(entry.labels(), labels, LocatedTree.child(path, "labels"));
        VerifyingKey key = nodeKey(entry.publicKey(), LocatedTree.child(path, "publicKey"));
        return new Draft(host, http, ws, own, merged, key, path);
    }

    /** A listed node's {@code publicKey}: 64 hex characters that are an admissible Ed25519 point, or absent. */
    private VerifyingKey nodeKey(String hex, String path) {
        if (hex == null) {
            return null;
        }
        if (hex.length() != 2 * VerifyingKey.LENGTH || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            error(
                    path,
                    "a node's public key must be " + 2 * VerifyingKey.LENGTH + " hex characters, as"
                            + " `./bftswarm keygen --node I` prints it (got " + hex.length() + " characters)");
            return null;
        }
        try {
            return VerifyingKey.fromHex(hex);
        } catch (IllegalArgumentException e) {
            error(path, "not a valid Ed25519 public key: " + e.getMessage());
            return null;
        }
    }

    /**
     * Node keys in the configuration are all or nothing (a node without one could only be checked
     * against a key file that a multi-host cluster does not have), and no two nodes share one.
     */
    private void checkNodeKeys(List<Draft> drafts) {
        long given = drafts.stream().filter(d -> d.publicKey() != null).count();
        if (given == 0) {
            return;
        }
        Map<VerifyingKey, Integer> seen = new HashMap<>();
        for (int id = 0; id < drafts.size(); id++) {
            Draft d = drafts.get(id);
            if (d.publicKey() == null) {
                error(
                        d.path(),
                        "node " + id + " has no `publicKey`, but other nodes in the list do: give every node's"
                                + " public key (run `./bftswarm keygen --node " + id + "` on its host) or none");
                continue;
            }
            Integer earlier = seen.putIfAbsent(d.publicKey(), id);
            if (earlier != null) {
                error(
                        LocatedTree.child(d.path(), "publicKey"),
                        "node " + id + " has the same public key as node " + earlier
                                + ": each node makes its own key on its own host");
            }
        }
    }

    private int port(int port, String path) {
        if (port < 1 || port > 65535) {
            error(path, "port " + port + " is out of range 1..65535");
        }
        return port;
    }

    private int basePort(Integer given, int fallback, String path, int n) {
        int base = given != null ? given : fallback;
        if (base < 1 || base > 65535) {
            error(path, "port " + base + " is out of range 1..65535");
        } else if (n > 0 && base + n - 1 > 65535) {
            error(
                    path,
                    "node " + (n - 1) + " would get port " + (base + n - 1) + ", beyond 65535 (node i gets " + base
                            + "+i)");
        }
        return base;
    }

    private PortRange portRange(ConfigDocument.RandomPortRange given, int n) {
        PortRange fallback = ConfigDefaults.RANDOM_PORT_RANGE;
        if (given == null) {
            if (fallback.size() < 2 * n) {
                error(
                        "nodes.randomPortRange",
                        "the default range " + fallback.min() + ".." + fallback.max() + " holds " + fallback.size()
                                + " ports, but " + n + " nodes need 2n = " + 2 * n);
            }
            return fallback;
        }
        int min = given.min() != null ? given.min() : fallback.min();
        int max = given.max() != null ? given.max() : fallback.max();
        boolean ok = true;
        if (min < 1 || min > 65535) {
            error("nodes.randomPortRange.min", "port " + min + " is out of range 1..65535");
            ok = false;
        }
        if (max < 1 || max > 65535) {
            error("nodes.randomPortRange.max", "port " + max + " is out of range 1..65535");
            ok = false;
        }
        if (ok && min > max) {
            error("nodes.randomPortRange", "min " + min + " is greater than max " + max);
            ok = false;
        }
        if (ok && max - min + 1 < 2 * n) {
            error(
                    "nodes.randomPortRange",
                    "the range " + min + ".." + max + " holds " + (max - min + 1) + " ports, but " + n
                            + " nodes need 2n = " + 2 * n + " (a consensus and a state port each)");
            ok = false;
        }
        return ok ? new PortRange(min, max) : fallback;
    }

    private CapacitySettings capacity(ConfigDocument.Capacity given, CapacitySettings fallback, String path) {
        if (given == null) {
            return fallback;
        }
        int cpus = given.cpus() != null ? given.cpus() : fallback.cpus();
        int memory = given.memoryMb() != null ? given.memoryMb() : fallback.memoryMb();
        if (cpus < 1) {
            error(LocatedTree.child(path, "cpus"), cpus + " CPUs: a node must offer at least 1");
            cpus = fallback.cpus();
        }
        if (memory < CapacitySettings.MIN_MEMORY_MB) {
            error(
                    LocatedTree.child(path, "memoryMb"),
                    memory + " MB: a node must offer at least " + CapacitySettings.MIN_MEMORY_MB
                            + " MB (Docker's smallest memory limit)");
            memory = fallback.memoryMb();
        }
        return new CapacitySettings(cpus, memory);
    }

    private SortedMap<String, String> labels(
            Map<String, String> given, SortedMap<String, String> inherited, String path) {
        SortedMap<String, String> merged = new TreeMap<>(inherited);
        if (given == null) {
            return merged;
        }
        for (Map.Entry<String, String> label : given.entrySet()) {
            String labelPath = LocatedTree.child(path, label.getKey());
            if (!LABEL_KEY.matcher(label.getKey()).matches()) {
                error(
                        labelPath,
                        "label key \"" + label.getKey() + "\" must be 1-63 letters, digits, '.', '_', '/'"
                                + " or '-', starting and ending with a letter or digit");
            } else if (label.getValue().length() > MAX_LABEL_VALUE) {
                error(
                        labelPath,
                        "label value is " + label.getValue().length() + " characters long; at most " + MAX_LABEL_VALUE
                                + " are allowed");
            } else {
                merged.put(label.getKey(), label.getValue());
            }
        }
        return merged;
    }

    private ConsensusSettings consensus(ConfigDocument.Consensus given) {
        ConsensusSettings d = ConfigDefaults.CONSENSUS;
        if (given == null) {
            return d;
        }
        int batch = atLeast(given.batchMaxSize(), d.batchMaxSize(), 1, "consensus.batchMaxSize", "requests");
        int delay = atLeast(given.batchMaxDelayMs(), d.batchMaxDelayMs(), 0, "consensus.batchMaxDelayMs", "ms");
        int checkpoint = atLeast(
                given.checkpointInterval(),
                d.checkpointInterval(),
                1,
                "consensus.checkpointInterval",
                "sequence numbers");
        int timeout = atLeast(given.requestTimeoutMs(), d.requestTimeoutMs(), 1, "consensus.requestTimeoutMs", "ms");
        int window = atLeast(
                given.watermarkWindow(), d.watermarkWindow(), 1, "consensus.watermarkWindow", "sequence numbers");
        if (window < checkpoint) {
            error(
                    "consensus.watermarkWindow",
                    window + " is smaller than checkpointInterval " + checkpoint
                            + ": the replicas would stall before their first checkpoint (PBFT needs L ≥ K, typically 2K)");
            window = checkpoint;
        } else if (window < 2 * checkpoint) {
            warn(
                    "consensus.watermarkWindow",
                    window + " < 2 × checkpointInterval (" + 2 * checkpoint
                            + "): the primary may stall while a checkpoint becomes stable");
        }
        if (timeout <= delay) {
            error(
                    "consensus.requestTimeoutMs",
                    timeout + " ms is not longer than batchMaxDelayMs " + delay
                            + " ms: requests would time out before their batch is cut");
            timeout = delay + 1;
        }
        return new ConsensusSettings(batch, delay, checkpoint, timeout, window);
    }

    private HeartbeatSettings heartbeat(ConfigDocument.Heartbeat given) {
        HeartbeatSettings d = ConfigDefaults.HEARTBEAT;
        if (given == null) {
            return d;
        }
        int period = atLeast(given.periodMs(), d.periodMs(), 1, "heartbeat.periodMs", "ms");
        int suspicion =
                atLeast(given.suspicionTimeoutMs(), d.suspicionTimeoutMs(), 1, "heartbeat.suspicionTimeoutMs", "ms");
        if (suspicion <= period) {
            error(
                    "heartbeat.suspicionTimeoutMs",
                    suspicion + " ms is not longer than periodMs " + period
                            + " ms: every node would be suspected between two heartbeats");
            suspicion = period + 1;
        } else if (suspicion < 2 * period) {
            warn(
                    "heartbeat.suspicionTimeoutMs",
                    suspicion + " ms < 2 × periodMs: one late heartbeat" + " makes a node suspect");
        }
        return new HeartbeatSettings(period, suspicion);
    }

    /** Both bounds at least 1 ms, min ≤ max, and the configured heartbeat period between them. */
    private GossipSettings gossip(ConfigDocument.Gossip given, HeartbeatSettings heartbeat) {
        GossipSettings d = ConfigDefaults.GOSSIP;
        if (given == null) {
            given = new ConfigDocument.Gossip(null, null);
        }
        int min = atLeast(
                given.minIntervalMs(),
                Math.min(d.minIntervalMs(), heartbeat.periodMs()),
                1,
                "gossip.minIntervalMs",
                "ms");
        int max = atLeast(
                given.maxIntervalMs(),
                Math.max(d.maxIntervalMs(), heartbeat.periodMs()),
                1,
                "gossip.maxIntervalMs",
                "ms");
        if (min > heartbeat.periodMs()) {
            error(
                    "gossip.minIntervalMs",
                    min + " ms is longer than heartbeat.periodMs " + heartbeat.periodMs()
                            + " ms: the normal interval would be out of bounds");
            min = heartbeat.periodMs();
        }
        if (max < heartbeat.periodMs()) {
            error(
                    "gossip.maxIntervalMs",
                    max + " ms is shorter than heartbeat.periodMs " + heartbeat.periodMs()
                            + " ms: the normal interval would be out of bounds");
            max = heartbeat.periodMs();
        }
        return new GossipSettings(min, max);
    }

    private VerificationSettings verification(ConfigDocument.Verification given) {
        VerificationSettings d = ConfigDefaults.VERIFICATION;
        if (given == null) {
            return d;
        }
        String mode = given.defaultMode() == null ? d.defaultMode() : given.defaultMode();
        if (!VerificationSettings.MODES.contains(mode)) {
            error(
                    "verification.default",
                    "must be one of " + String.join(", ", VerificationSettings.MODES) + " (got \"" + mode + "\")");
            mode = d.defaultMode();
        }
        int quarantineAfter = given.quarantineAfter() == null ? d.quarantineAfter() : given.quarantineAfter();
        if (quarantineAfter < 1) {
            error(
                    "verification.quarantineAfter",
                    "must be at least 1 (got " + quarantineAfter + "): after how many disputed results a node"
                            + " gets no new tasks");
            quarantineAfter = d.quarantineAfter();
        }
        return new VerificationSettings(mode, quarantineAfter);
    }

    private ApiSettings api(ConfigDocument.Api given) {
        ApiSettings d = ConfigDefaults.API;
        if (given == null) {
            return d;
        }
        boolean allowToken = given.allowToken() == null ? d.allowToken() : given.allowToken();
        long module =
                dataLimit("api.maxModuleBytes", given.maxModuleBytes(), d.maxModuleBytes(), DataRules.MAX_MODULE_BYTES);
        long dataset = dataLimit(
                "api.maxDatasetBytes", given.maxDatasetBytes(), d.maxDatasetBytes(), DataRules.MAX_DATA_JSON_BYTES);
        return new ApiSettings(allowToken, module, dataset);
    }

    private long dataLimit(String field, Long given, long fallback, long cap) {
        if (given == null) {
            return fallback;
        }
        if (given < 1 || given > cap) {
            error(
                    field,
                    "must be between 1 and " + cap + " bytes, the most one ordered operation carries (got " + given
                            + ")");
            return fallback;
        }
        return given;
    }

    /** Carbon intensity between 0 and 5000 g/kWh, TDPs above 0 and at most 1000 W, a device class that has a TDP. */
    private EnergySettings energy(ConfigDocument.Energy given) {
        EnergySettings d = ConfigDefaults.ENERGY;
        if (given == null) {
            return d;
        }
        double intensity = given.carbonIntensityGco2PerKwh() == null
                ? d.carbonIntensityGco2PerKwh()
                : given.carbonIntensityGco2PerKwh();
        if (!(intensity >= 0 && intensity <= 5000)) {
            error(
                    "energy.carbonIntensityGco2PerKwh",
                    "must be between 0 and 5000 grams CO2 per kWh (got " + intensity + ")");
            intensity = d.carbonIntensityGco2PerKwh();
        }
        SortedMap<String, Double> tdp = new TreeMap<>(d.tdpWatts());
        if (given.tdpWatts() != null) {
            given.tdpWatts().forEach((deviceClass, watts) -> {
                if (!(watts > 0 && watts <= 1000)) {
                    error(
                            "energy.tdpWatts." + deviceClass,
                            "must be above 0 and at most 1000 watts (got " + watts + ")");
                } else {
                    tdp.put(deviceClass, watts);
                }
            });
        }
        String deviceClass = given.deviceClass() == null ? d.deviceClass() : given.deviceClass();
        if (!tdp.containsKey(deviceClass)) {
            error(
                    "energy.deviceClass",
                    "unknown device class \"" + deviceClass + "\"; known: " + String.join(", ", tdp.keySet())
                            + " (add its TDP under energy.tdpWatts)");
            deviceClass = d.deviceClass();
        }
        return new EnergySettings(intensity, deviceClass, tdp);
    }

    private RetentionSettings retention(ConfigDocument.Retention given) {
        RetentionSettings d = ConfigDefaults.RETENTION;
        if (given == null) {
            return d;
        }
        int finishedJobs = given.finishedJobs() == null ? d.finishedJobs() : given.finishedJobs();
        if (finishedJobs < 1) {
            error(
                    "retention.finishedJobs",
                    "must be at least 1 (got " + finishedJobs + "): how many finished jobs are kept");
            finishedJobs = d.finishedJobs();
        }
        long maxAge = given.maxAgeSeconds() == null ? d.maxAgeSeconds() : given.maxAgeSeconds();
        if (maxAge < 1) {
            error(
                    "retention.maxAgeSeconds",
                    "must be at least 1 (got " + maxAge + "): how long a finished job is kept");
            maxAge = d.maxAgeSeconds();
        }
        long maxOutput = given.maxOutputBytes() == null ? d.maxOutputBytes() : given.maxOutputBytes();
        if (maxOutput < 0) {
            error("retention.maxOutputBytes", "must be at least 0 (got " + maxOutput + ")");
            maxOutput = d.maxOutputBytes();
        } else if (maxOutput > RetentionSettings.STATE_BUDGET_BYTES) {
            warn(
                    "retention.maxOutputBytes",
                    maxOutput + " bytes is more than the scheduler's state budget of "
                            + RetentionSettings.STATE_BUDGET_BYTES
                            + " bytes (half the 64 MiB state-transfer limit): finished jobs expire before reaching it");
        }
        return new RetentionSettings(finishedJobs, maxAge, maxOutput);
    }

    private TestingSettings testing(ConfigDocument.Testing given) {
        TestingSettings d = ConfigDefaults.TESTING;
        if (given == null || given.allowByzantine() == null) {
            return d;
        }
        if (given.allowByzantine()) {
            warn(
                    TestingSettings.ALLOW_BYZANTINE_KEY,
                    "nodes of this cluster may be started with Byzantine behaviours (--byzantine):"
                            + " a test cluster only, never production");
        }
        return new TestingSettings(given.allowByzantine());
    }

    private String dataDir(String given) {
        if (given == null) {
            return ConfigDefaults.DATA_DIR;
        }
        if (given.isBlank()) {
            error("dataDir", "must not be empty (default " + ConfigDefaults.DATA_DIR + ")");
            return ConfigDefaults.DATA_DIR;
        }
        return given;
    }

    private int atLeast(Integer given, int fallback, int min, String path, String unit) {
        if (given == null) {
            return fallback;
        }
        if (given < min) {
            error(
                    path,
                    given + " " + unit + " is below the minimum " + min + (min == 0 ? " (no negative timers)" : ""));
            return fallback;
        }
        return given;
    }

    /**
     * Claims are made in the order http base, ws base, random range, per-node overrides, so that a
     * collision is blamed on the later (more specific) setting: ws overlapping http is a ws problem.
     */
    private void checkCollisions(List<ResolvedNode> nodes, List<Draft> drafts) {
        List<PortPlan.Claim> base = new ArrayList<>();
        List<PortPlan.Claim> ws = new ArrayList<>();
        List<PortPlan.Claim> range = new ArrayList<>();
        List<PortPlan.Claim> overrides = new ArrayList<>();
        for (ResolvedNode node : nodes) {
            Draft draft = drafts.get(node.id());
            String label = "node " + node.id();
            PortPlan.Claim http = new PortPlan.Claim(
                    node.host(),
                    node.httpPort(),
                    label + " http",
                    draft.httpPort() != null ? LocatedTree.child(draft.path(), "httpPort") : "nodes.httpPort");
            (draft.httpPort() != null ? overrides : base).add(http);
            PortPlan.Claim socket = new PortPlan.Claim(
                    node.host(),
                    node.wsPort(),
                    label + " ws",
                    draft.wsPort() != null ? LocatedTree.child(draft.path(), "wsPort") : "nodes.wsPort");
            (draft.wsPort() != null ? overrides : ws).add(socket);
            range.add(new PortPlan.Claim(
                    node.host(), node.consensusPort(), label + " consensus", "nodes.randomPortRange"));
            range.add(new PortPlan.Claim(node.host(), node.statePort(), label + " state", "nodes.randomPortRange"));
        }
        List<PortPlan.Claim> claims = new ArrayList<>(base);
        claims.addAll(ws);
        claims.addAll(range);
        claims.addAll(overrides);
        for (PortPlan.Collision c : PortPlan.collisions(claims)) {
            error(
                    c.later().path(),
                    "port " + c.later().port() + " of " + c.later().owner() + " is already used by "
                            + c.earlier().owner() + " on host " + c.later().host());
        }
    }

    private void error(String path, String message) {
        failed = true;
        if (!reportedBefore(path)) {
            problems.add(ConfigProblem.error(source, tree.locate(path), path, message));
        }
    }

    private void warn(String path, String message) {
        problems.add(ConfigProblem.warning(source, tree.locate(path), path, message));
    }

    private boolean reportedBefore(String path) {
        String p = path;
        while (true) {
            if (alreadyReported.contains(p)) {
                return true;
            }
            if (p.isEmpty()) {
                return false;
            }
            p = LocatedTree.parentOf(p);
        }
    }
}
