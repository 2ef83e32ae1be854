package org.bftswarm.node.config;

/**
 * Every default of {@code cluster-config.yaml} in one place (the README's configuration reference
 * lists the same values). Only {@code swarm} has no default.
 */
public final class ConfigDefaults {
    private ConfigDefaults() {}

    public static final int NODE_COUNT = 4;
    public static final String HOST = "127.0.0.1";
    public static final int HTTP_PORT = 8080;
    public static final int WS_PORT = 8585;
    public static final PortRange RANDOM_PORT_RANGE = new PortRange(20000, 20999);
    public static final boolean CLEANUP = true;
    public static final String DATA_DIR = ".bftswarm/data";
    public static final ConsensusSettings CONSENSUS = ConsensusSettings.DEFAULTS;
    public static final HeartbeatSettings HEARTBEAT = HeartbeatSettings.DEFAULTS;
    public static final GossipSettings GOSSIP = GossipSettings.DEFAULTS;
    public static final EnergySettings ENERGY = EnergySettings.DEFAULTS;
    public static final CapacitySettings CAPACITY = CapacitySettings.DEFAULTS;
    public static final VerificationSettings VERIFICATION = VerificationSettings.DEFAULTS;
    public static final TestingSettings TESTING = TestingSettings.DEFAULTS;
    public static final ApiSettings API = ApiSettings.DEFAULTS;
    public static final RetentionSettings RETENTION = RetentionSettings.DEFAULTS;
}
