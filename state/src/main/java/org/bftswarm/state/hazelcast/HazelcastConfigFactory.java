package org.bftswarm.state.hazelcast;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.NetworkConfig;

/**
 * Builds the member {@link Config} prescribed by DESIGN.md ("Dependencies", Hazelcast): TCP-IP join
 * with the explicit member list, multicast and auto-detection off, bound to the node's address
 * only, no port auto-increment, phone-home off, Jet off, shutdown hook off (the node owns the
 * lifecycle), cluster name = swarm.
 */
public final class HazelcastConfigFactory {
    /** Name of the distributed map that carries encoded signed entries keyed by EntryKey.asString(). */
    public static final String ENTRIES_MAP = "bftswarm-state-entries";

    private HazelcastConfigFactory() {
    }

    public static Config memberConfig(HazelcastSettings s, int nodeId) {
        Config config = new Config();
        config.setClusterName(s.swarm());
        config.setInstanceName(s.swarm() + "-state-" + nodeId + "-" + s.port());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.wait.seconds.before.join", Integer.toString(s.waitSecondsBeforeJoin()));
        config.setProperty("hazelcast.health.monitoring.level", "OFF");
        // members started at once may form separate clusters; merge them in seconds, not minutes
        config.setProperty("hazelcast.merge.first.run.delay.seconds", "5");
        config.setProperty("hazelcast.merge.next.run.delay.seconds", "5");
        config.getJetConfig().setEnabled(false);

        NetworkConfig network = config.getNetworkConfig();
        network.setPort(s.port()).setPortAutoIncrement(false).setPortCount(1);
        network.getInterfaces().setEnabled(true).addInterface(s.bindHost());
        network.getRestApiConfig().setEnabled(false);
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(s.members())
                .setConnectionTimeoutSeconds(s.connectTimeoutSeconds());

        config.addMapConfig(new MapConfig(ENTRIES_MAP).setBackupCount(1).setAsyncBackupCount(0));
        return config;
    }
}
