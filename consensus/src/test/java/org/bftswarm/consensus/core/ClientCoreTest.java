package org.bftswarm.consensus.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bftswarm.consensus.codec.Message.Reply;
import org.junit.jupiter.api.Test;

class ClientCoreTest {
    private final ClientCore client =
            new ClientCore("unit", 1000, TestCluster.key(1000), new Quorums(4), 5, 100, 800, 5000);

    private static Reply reply(long number, int value) {
        return new Reply(0, 1000, number, new byte[] {(byte) value});
    }

    @Test
    void requestNumbersStartAtTheGivenFirstNumberAndIncrease() {
        assertThat(client.submit(new byte[0], 0).request().body())
                .extracting("requestNumber")
                .isEqualTo(5L);
        client.onReply(0, reply(5, 1));
        client.onReply(1, reply(5, 1));
        assertThat(client.submit(new byte[0], 0).request().body())
                .extracting("requestNumber")
                .isEqualTo(6L);
    }

    @Test
    void aResultIsAcceptedOnlyWithFPlusOneMatchingRepliesFromDistinctReplicas() {
        client.submit(new byte[] {1}, 0);
        assertThat(client.onReply(0, reply(5, 1))).isEmpty();
        assertThat(client.onReply(0, reply(5, 1)))
                .as("same replica twice counts once")
                .isEmpty();
        assertThat(client.onReply(1, reply(5, 2))).as("mismatching result").isEmpty();
        List<ClientEffect> done = client.onReply(2, reply(5, 1));
        assertThat(done)
                .singleElement()
                .isInstanceOfSatisfying(
                        ClientEffect.Completed.class,
                        c -> assertThat(c.result()).containsExactly(1));
        assertThat(client.busy()).isFalse();
    }

    @Test
    void repliesForOtherRequestsOrFromNonReplicasAreIgnored() {
        client.submit(new byte[] {1}, 0);
        assertThat(client.onReply(0, reply(4, 1))).isEmpty();
        assertThat(client.onReply(1, reply(4, 1))).isEmpty();
        assertThat(client.onReply(7, reply(5, 1))).isEmpty();
        assertThat(client.onReply(-1, reply(5, 1))).isEmpty();
        assertThat(client.busy()).isTrue();
    }

    @Test
    void retransmissionsBackOffExponentiallyUpToTheCapThenGiveUp() {
        client.submit(new byte[] {1}, 0);
        long[] expected = {100, 300, 700, 1500, 2300, 3100, 3900, 4700};
        int idx = 0;
        for (long t = 0; t < 5000; t++) {
            List<ClientEffect> out = client.tick(t);
            if (!out.isEmpty()) {
                assertThat(out.get(0)).isInstanceOf(ClientEffect.SendToAll.class);
                assertThat(t).isEqualTo(expected[idx++]);
            }
        }
        assertThat(idx).isEqualTo(expected.length);
        assertThat(client.tick(5000)).singleElement().isInstanceOf(ClientEffect.Failed.class);
        assertThat(client.busy()).isFalse();
    }
}
