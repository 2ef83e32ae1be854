package org.bftswarm.state.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The member config joins by explicit TCP-IP, binds one address and phones nothing out. */
class HazelcastConfigFactoryTest {
    @Test
    void memberConfigJoinsOnlyListedMembersOnItsAddressWithPhoneHomeAndJetOffAndDropsSilentMembersInSeconds() {
        HazelcastSettings s =
                new HazelcastSettings("swarm-a", "127.0.0.2", 5_801, List.of("127.0.0.1:5800", "127.0.0.2:5801"));
        Config c = HazelcastConfigFactory.memberConfig(s, 1);
        assertThat(c.getClusterName()).isEqualTo("swarm-a");
        assertThat(c.getNetworkConfig().getPort()).isEqualTo(5_801);
        assertThat(c.getNetworkConfig().isPortAutoIncrement()).isFalse();
        assertThat(c.getNetworkConfig().getInterfaces().isEnabled()).isTrue();
        assertThat(c.getNetworkConfig().getInterfaces().getInterfaces()).containsExactly("127.0.0.2");
        assertThat(c.getNetworkConfig().getJoin().getMulticastConfig().isEnabled())
                .isFalse();
        assertThat(c.getNetworkConfig().getJoin().getAutoDetectionConfig().isEnabled())
                .isFalse();
        assertThat(c.getNetworkConfig().getJoin().getTcpIpConfig().isEnabled()).isTrue();
        assertThat(c.getNetworkConfig().getJoin().getTcpIpConfig().getMembers())
                .containsExactly("127.0.0.1:5800", "127.0.0.2:5801");
        assertThat(c.getProperty("hazelcast.phone.home.enabled")).isEqualTo("false");
        assertThat(c.getProperty("hazelcast.socket.bind.any")).isEqualTo("false");
        assertThat(c.getProperty("hazelcast.shutdownhook.enabled")).isEqualTo("false");
        assertThat(c.getJetConfig().isEnabled()).isFalse();
        assertThat(c.getProperty("hazelcast.max.no.heartbeat.seconds")).isEqualTo("15");
        assertThat(c.getTopicConfig(HazelcastConfigFactory.ENTRIES_TOPIC).isGlobalOrderingEnabled())
                .isFalse();
        assertThat(c.getNetworkConfig().getJoin().getTcpIpConfig().getConnectionTimeoutSeconds())
                .isEqualTo(HazelcastSettings.DEFAULT_CONNECT_TIMEOUT_SECONDS);
    }
}
