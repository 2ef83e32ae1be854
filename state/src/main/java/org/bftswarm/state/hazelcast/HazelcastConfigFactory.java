package org.bftswarm.state.hazelcast;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.config.TopicConfig;

/**
 * Builds the member {@link Config}: TCP-IP join
 * with the explicit member list, multicast and auto-detection off, bound to the node's address
 * only, no port auto-increment, phone-home off, Jet off, shutdown hook off (the node owns the
 * lifecycle), cluster name = swarm. Entries travel on topics without global ordering (no partition
 * owner on the write path), and a silent member is dropped after {@link #MAX_NO_HEARTBEAT_SECONDS}
 * instead of Hazelcast's 60 s.
 *
 * <p>Hazelcast's membership is transport, not failure detection: suspicion comes from our signed
 * heartbeats (the failure detector), and nothing in the node waits on a Hazelcast membership event
 * (a removed member only stops receiving topic messages; a crashed member's closed connections
 * remove it at once anyway). So the member heartbeat runs at Hazelcast's own 5 s rather than every
 * second (it is n² messages, and at 10 idle nodes it was the largest share of their CPU), a member
 * is dropped only after {@link #MAX_NO_HEARTBEAT_SECONDS} (above the slowest suspicion bound our
 * detector announces, 4 × the 2 s interval cap), and the thread pools are cut to what a topic of small
 * entries needs: one IO thread each way, one event thread, one partition and one generic operation
 * thread; the IO balancer, slow-operation detector, partition-backup sync and network statistics
 * refresh, none of which serve a topic-only member, are off or rare.
 */
public final class HazelcastConfigFactory {
    /** Topic that carries encoded signed entries. */
    public static final String ENTRIES_TOPIC = "bftswarm-state-entries";
    /** Topic on which a member that just formed asks the others to re-send their own entries. */
    public static final String SYNC_TOPIC = "bftswarm-state-sync";
    /** A member silent this long is removed from the membership (Hazelcast default: 60). */
    public static final int MAX_NO_HEARTBEAT_SECONDS = 15;
    /** Member-to-member heartbeat period (Hazelcast's default). */
    public static final int HEARTBEAT_INTERVAL_SECONDS = 5;
    /** Partitions only stripe topic event delivery here; few are plenty (Hazelcast default: 271). */
    public static final int PARTITION_COUNT = 17;

    private HazelcastConfigFactory() {}

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
        config.setProperty("hazelcast.max.no.heartbeat.seconds", Integer.toString(MAX_NO_HEARTBEAT_SECONDS));
        config.setProperty("hazelcast.heartbeat.interval.seconds", Integer.toString(HEARTBEAT_INTERVAL_SECONDS));
        config.setProperty("hazelcast.partition.count", Integer.toString(PARTITION_COUNT));
        config.setProperty("hazelcast.io.thread.count", "1");
        config.setProperty("hazelcast.event.thread.count", "1");
        config.setProperty("hazelcast.operation.thread.count", "1");
        config.setProperty("hazelcast.operation.generic.thread.count", "1");
        config.setProperty("hazelcast.io.balancer.interval.seconds", "-1");
        config.setProperty("hazelcast.slow.operation.detector.enabled", "false");
        config.setProperty("hazelcast.partition.backup.sync.interval", "600");
        config.setProperty("hazelcast.network.stats.refresh.interval.seconds", "60");
        config.getJetConfig().setEnabled(false);
        // nothing reads Hazelcast's own metrics; collecting them cost a thread's wake-ups every few seconds
        config.getMetricsConfig().setEnabled(false);

        NetworkConfig network = config.getNetworkConfig();
        network.setPort(s.port()).setPortAutoIncrement(false).setPortCount(1);
        network.getInterfaces().setEnabled(true).addInterface(s.bindHost());
        network.getRestApiConfig().setEnabled(false);
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig()
                .setEnabled(true)
                .setMembers(s.members())
                .setConnectionTimeoutSeconds(s.connectTimeoutSeconds());

        config.addTopicConfig(new TopicConfig(ENTRIES_TOPIC)
                .setGlobalOrderingEnabled(false)
                .setMultiThreadingEnabled(false)
                .setStatisticsEnabled(false));
        config.addTopicConfig(new TopicConfig(SYNC_TOPIC)
                .setGlobalOrderingEnabled(false)
                .setMultiThreadingEnabled(false)
                .setStatisticsEnabled(false));
        return config;
    }
}
