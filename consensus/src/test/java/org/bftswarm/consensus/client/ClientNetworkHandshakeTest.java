package org.bftswarm.consensus.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.bftswarm.consensus.runtime.ClusterSpec;
import org.bftswarm.consensus.transport.DropCounters;
import org.bftswarm.consensus.transport.DropReason;
import org.bftswarm.consensus.transport.FrameServer;
import org.bftswarm.consensus.transport.InboundDispatcher;
import org.bftswarm.consensus.transport.Pipelines;
import org.bftswarm.consensus.transport.TransportConfig;
import org.bftswarm.crypto.KeyRegistry;
import org.bftswarm.crypto.SignedEnvelope;
import org.bftswarm.crypto.SigningKey;
import org.bftswarm.crypto.VerifyingKey;
import org.junit.jupiter.api.Test;

/** A fake replica 0 on loopback answers the client's reply-channel HELLO honestly or not. */
class ClientNetworkHandshakeTest {
    private static final String SWARM = "hs";

    private static SigningKey key(int id) {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) (id + 7));
        return SigningKey.fromSeed(seed);
    }

    private static void await(String what, BooleanSupplier ok) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!ok.getAsBoolean()) {
            assertThat(System.nanoTime() < deadline)
                    .as("timed out waiting for " + what)
                    .isTrue();
            Thread.sleep(10);
        }
    }

    /** Runs a fake replica 0 that signs its ACCEPT with {@code signer}; returns the client's state after it. */
    private static void withFakeReplica(SigningKey signer, boolean thenSendForgedSeal, Check check) throws Exception {
        List<InetSocketAddress> addrs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
                addrs.add(new InetSocketAddress("127.0.0.1", s.getLocalPort()));
            }
        }
        ClusterSpec spec = new ClusterSpec(SWARM, addrs);
        Map<Integer, VerifyingKey> keys = new TreeMap<>();
        for (int i = 0; i < 4; i++) {
            keys.put(i, key(i).verifyingKey());
        }
        EventLoopGroup loops = Pipelines.newEventLoops("fake", 1);
        DropCounters fakeDrops = new DropCounters("fake");
        InboundDispatcher inbound = new InboundDispatcher(
                "fake",
                1,
                100,
                (from, frame) -> {
                    byte[] clientPublic = ReplyChannel.parseHello(frame);
                    if (clientPublic == null) {
                        return;
                    }
                    byte[][] mine = ReplyChannel.ephemeral(new SecureRandom());
                    byte[] payload = new byte[64];
                    System.arraycopy(clientPublic, 0, payload, 0, 32);
                    System.arraycopy(mine[1], 0, payload, 32, 32);
                    from.send(SignedEnvelope.sign(SWARM, ReplyChannel.ACCEPT_TYPE, 0, payload, signer)
                            .encode());
                    if (thenSendForgedSeal) {
                        byte[][] other = ReplyChannel.ephemeral(new SecureRandom());
                        ReplyChannel wrong = ReplyChannel.derive(other[0], mine[1], other[1], mine[1]);
                        from.send(wrong.seal(0, new byte[] {1, 2, 3}));
                    }
                },
                fakeDrops);
        try (FrameServer server = new FrameServer(addrs.get(0), TransportConfig.defaults(), loops, inbound).start();
                ClientNetwork net = new ClientNetwork(spec, KeyRegistry.of(keys), TransportConfig.defaults(), 1)) {
            check.accept(net);
        } finally {
            inbound.close();
            loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    interface Check {
        void accept(ClientNetwork net) throws Exception;
    }

    @Test
    void anAcceptSignedByTheRightReplicaOpensTheChannel() throws Exception {
        withFakeReplica(key(0), false, net -> await("channel to replica 0", () -> net.readyChannels() == 1));
    }

    @Test
    void anAcceptSignedWithAnotherReplicasKeyIsRejectedAndCounted() throws Exception {
        withFakeReplica(key(1), false, net -> {
            await("forged ACCEPT counted", () -> net.drops().count(DropReason.BAD_SIGNATURE) == 1);
            assertThat(net.readyChannels()).isZero();
        });
    }

    @Test
    void aSealedReplyUnderAnotherKeyIsRejectedAndCounted() throws Exception {
        withFakeReplica(key(0), true, net -> {
            await("forged sealed reply counted", () -> net.drops().count(DropReason.BAD_SIGNATURE) == 1);
            assertThat(net.readyChannels()).isEqualTo(1);
        });
    }
}
