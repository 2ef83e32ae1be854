package org.bftswarm.consensus.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ReplyChannelTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    private static ReplyChannel[] pair() {
        byte[][] client = ReplyChannel.ephemeral(RANDOM);
        byte[][] replica = ReplyChannel.ephemeral(RANDOM);
        ReplyChannel atReplica = ReplyChannel.derive(replica[0], client[1], client[1], replica[1]);
        ReplyChannel atClient = ReplyChannel.derive(client[0], replica[1], client[1], replica[1]);
        return new ReplyChannel[] {atReplica, atClient};
    }

    @Test
    void bothEndsOfAHandshakeDeriveTheSameChannelAndFramesRoundTripInOrder() {
        ReplyChannel[] p = pair();
        for (int i = 0; i < 5; i++) {
            byte[] body = {(byte) i, 42};
            assertThat(p[1].open(2, p[0].seal(2, body))).containsExactly(body);
        }
    }

    @Property(tries = 100)
    void anyFlippedBitIsRejected(
            @ForAll @Size(max = 64) byte[] body, @ForAll @IntRange(min = 0, max = 10_000) int bit) {
        ReplyChannel[] p = pair();
        byte[] frame = p[0].seal(1, body);
        int b = bit % (frame.length * 8);
        frame[b / 8] ^= (byte) (1 << (b % 8));
        assertThat(p[1].open(1, frame)).isNull();
    }

    @Test
    void framesOpenOutOfOrderButEachOnlyOnce() {
        ReplyChannel[] p = pair();
        byte[] first = p[0].seal(0, new byte[] {1});
        byte[] second = p[0].seal(0, new byte[] {2});
        assertThat(p[1].open(0, second)).containsExactly(2);
        assertThat(p[1].open(0, first)).containsExactly(1);
        assertThat(p[1].open(0, first)).as("replay of counter 0").isNull();
        assertThat(p[1].open(0, second)).as("replay of counter 1").isNull();
    }

    @Test
    void aFrameClaimingAnotherReplicaOrFromAnotherChannelIsRejected() {
        ReplyChannel[] p = pair();
        ReplyChannel[] other = pair();
        assertThat(p[1].open(3, p[0].seal(2, new byte[] {1}))).isNull();
        assertThat(p[1].open(2, other[0].seal(2, new byte[] {1}))).isNull();
    }

    @Test
    void aDegenerateKeyIsRefused() {
        byte[][] mine = ReplyChannel.ephemeral(RANDOM);
        byte[] zero = new byte[32];
        assertThat(ReplyChannel.derive(mine[0], zero, zero, mine[1])).isNull();
    }

    @Test
    void helloFramesParseOnlyWithTheRightShape() {
        byte[] pub = ReplyChannel.ephemeral(RANDOM)[1];
        assertThat(ReplyChannel.parseHello(ReplyChannel.hello(pub))).containsExactly(pub);
        assertThat(ReplyChannel.parseHello(new byte[] {'B', 'F', 'R', 'H', 1})).isNull();
        assertThat(ReplyChannel.isSealed(ReplyChannel.hello(pub))).isFalse();
    }
}
