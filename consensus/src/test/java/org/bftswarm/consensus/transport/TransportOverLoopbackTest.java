package org.bftswarm.consensus.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.bftswarm.crypto.EnvelopeVerifier;
import org.bftswarm.crypto.SignedEnvelope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real TCP sockets on 127.0.0.1: framing, replies, reconnects, bounded queues and hostile input. */
class TransportOverLoopbackTest {
    private static final String SWARM = "alpha";
    private static final TransportConfig CONFIG = TransportConfig.defaults().withMaxFrameBytes(64 * 1024);

    private EventLoopGroup loops;
    private DropCounters serverDrops;
    private InboundDispatcher serverInbound;
    private FrameServer server;
    private final BlockingQueue<SignedEnvelope> accepted = new LinkedBlockingQueue<>();
    private final BlockingQueue<Connection> connections = new LinkedBlockingQueue<>();

    @BeforeEach
    void startServer() throws IOException {
        loops = Pipelines.newEventLoops("test", 2);
        serverDrops = new DropCounters("server");
        EnvelopeGate gate = new EnvelopeGate(
                new EnvelopeVerifier(SWARM, TestKeys.registry(0, 1, 1000)),
                serverDrops,
                sender -> sender < 1000,
                10_000,
                60_000);
        serverInbound = new InboundDispatcher(
                "server",
                2,
                1_000,
                (from, frame) -> {
                    SignedEnvelope env = gate.admit(frame, from);
                    if (env != null) {
                        accepted.add(env);
                        connections.add(from);
                    }
                },
                serverDrops);
        server = new FrameServer(new InetSocketAddress("127.0.0.1", 0), CONFIG, loops, serverInbound).start();
    }

    @AfterEach
    void stop() {
        server.close();
        serverInbound.close();
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static byte[] signed(String swarm, int sender, String text) {
        return SignedEnvelope.sign(swarm, 7, sender, text.getBytes(StandardCharsets.UTF_8), TestKeys.key(sender))
                .encode();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline)
                    .as("timed out waiting for " + what)
                    .isNegative();
            Thread.sleep(10);
        }
    }

    private static void awaitCount(DropReason reason, DropCounters drops, long expected) throws InterruptedException {
        LongSupplier c = () -> drops.count(reason);
        await(reason + " >= " + expected, () -> c.getAsLong() >= expected);
        assertThat(c.getAsLong()).isEqualTo(expected);
    }

    private void assertStillServing(String marker) throws InterruptedException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            byte[] frame = signed(SWARM, 1, marker);
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.writeInt(frame.length);
            out.write(frame);
            out.flush();
            SignedEnvelope env = accepted.poll(10, TimeUnit.SECONDS);
            assertThat(env)
                    .as("a valid frame after hostile input is still accepted")
                    .isNotNull();
            assertThat(new String(env.payload(), StandardCharsets.UTF_8)).isEqualTo(marker);
        } catch (IOException e) {
            throw new AssertionError("server stopped accepting connections", e);
        }
    }

    @Test
    void signedFramesArriveAndRepliesReturnOnTheSameConnection() throws Exception {
        DropCounters clientDrops = new DropCounters("client");
        BlockingQueue<byte[]> replies = new LinkedBlockingQueue<>();
        try (InboundDispatcher clientInbound =
                        new InboundDispatcher("client", 1, 100, (c, f) -> replies.add(f), clientDrops);
                PeerLink link = new PeerLink("server", server.boundAddress(), CONFIG, loops, clientInbound).start()) {
            assertThat(link.send(signed(SWARM, 1000, "hello"))).isTrue();
            SignedEnvelope env = accepted.poll(10, TimeUnit.SECONDS);
            assertThat(env).isNotNull();
            assertThat(env.sender()).isEqualTo(1000);
            Connection back = connections.take();
            assertThat(back.send("reply".getBytes(StandardCharsets.UTF_8))).isTrue();
            assertThat(replies.poll(10, TimeUnit.SECONDS))
                    .asString(StandardCharsets.UTF_8)
                    .isEqualTo("reply");
        }
        assertThat(serverDrops.total()).isZero();
    }

    @Test
    void hostileBytesAreDroppedCountedPerReasonAndTheServerKeepsServing() throws Exception {
        Random random = new Random(42);
        // random junk with a small length prefix: a frame that is not an envelope
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            byte[] junk = new byte[200];
            random.nextBytes(junk);
            out.writeInt(junk.length);
            out.write(junk);
            out.flush();
            awaitCount(DropReason.MALFORMED, serverDrops, 1);
        }
        // oversized length prefix
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            new DataOutputStream(s.getOutputStream()).writeInt(CONFIG.maxFrameBytes() + 1);
            awaitCount(DropReason.OVERSIZED_FRAME, serverDrops, 1);
        }
        // truncated: header promises 100 bytes, 10 arrive, then the connection closes
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.writeInt(100);
            out.write(new byte[10]);
            out.flush();
        }
        awaitCount(DropReason.TRUNCATED_FRAME, serverDrops, 1);
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            // bad signature: sender 0's message signed by sender 1's key
            byte[] forged = SignedEnvelope.sign(SWARM, 7, 0, new byte[] {1}, TestKeys.key(1))
                    .encode();
            writeFrame(out, forged);
            awaitCount(DropReason.BAD_SIGNATURE, serverDrops, 1);
            // another swarm's perfectly valid message
            writeFrame(out, signed("beta", 0, "other swarm"));
            awaitCount(DropReason.WRONG_SWARM, serverDrops, 1);
            // a sender with no registered key
            writeFrame(out, signed(SWARM, 5, "who am I"));
            awaitCount(DropReason.UNKNOWN_SENDER, serverDrops, 1);
            // a replica message replayed
            byte[] once = signed(SWARM, 0, "prepare 1");
            writeFrame(out, once);
            assertThat(accepted.poll(10, TimeUnit.SECONDS)).isNotNull();
            writeFrame(out, once);
            awaitCount(DropReason.REPLAY, serverDrops, 1);
            // the same connection still delivers good frames
            writeFrame(out, signed(SWARM, 0, "prepare 2"));
            assertThat(accepted.poll(10, TimeUnit.SECONDS)).isNotNull();
        }
        // and so do new connections
        assertStillServing("still here");
        assertThat(accepted).isEmpty();
    }

    @Test
    void aFloodOfRandomBytesOnManyConnectionsNeverStopsTheServer() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 30; i++) {
            try (Socket s = new Socket("127.0.0.1", server.port())) {
                OutputStream out = s.getOutputStream();
                byte[] junk = new byte[1 + random.nextInt(5000)];
                random.nextBytes(junk);
                out.write(junk);
                out.flush();
            } catch (IOException closedByServer) {
                // the server may close a connection mid-write after an oversized prefix: that is the point
            }
        }
        await("junk counted", () -> serverDrops.total() >= 30);
        assertStillServing("after flood");
    }

    @Test
    void aLinkQueuesWhileThePeerIsDownAndDeliversAfterItComesUp() throws Exception {
        int port = freePort();
        DropCounters drops = new DropCounters("client");
        try (InboundDispatcher inbound = new InboundDispatcher("c", 1, 10, (c, f) -> {}, drops);
                PeerLink link = new PeerLink("late", new InetSocketAddress("127.0.0.1", port), CONFIG, loops, inbound)
                        .start()) {
            link.send(signed(SWARM, 0, "queued before the peer existed"));
            Thread.sleep(300); // let a few connection attempts fail and back off
            assertThat(link.isConnected()).isFalse();
            assertThat(link.queued()).isEqualTo(1);
            DropCounters lateDrops = new DropCounters("late");
            BlockingQueue<byte[]> got = new LinkedBlockingQueue<>();
            try (InboundDispatcher lateInbound =
                            new InboundDispatcher("late", 1, 100, (c, f) -> got.add(f), lateDrops);
                    FrameServer late = new FrameServer(
                                    new InetSocketAddress("127.0.0.1", port), CONFIG, loops, lateInbound)
                            .start()) {
                assertThat(got.poll(10, TimeUnit.SECONDS))
                        .as("queued frame delivered after reconnect")
                        .isNotNull();
                assertThat(link.queued()).isZero();
            }
        }
    }

    @Test
    void theQueueToADeadPeerIsBoundedAndDropsTheOldestFrames() throws Exception {
        int port = freePort();
        DropCounters drops = new DropCounters("client");
        TransportConfig small = CONFIG.withOutboundQueueFrames(10);
        try (InboundDispatcher inbound = new InboundDispatcher("c", 1, 10, (c, f) -> {}, drops);
                PeerLink link =
                        new PeerLink("dead", new InetSocketAddress("127.0.0.1", port), small, loops, inbound).start()) {
            for (int i = 0; i < 100; i++) {
                link.send(new byte[100]);
            }
            assertThat(link.queued()).isEqualTo(10);
            assertThat(drops.count(DropReason.OUTBOUND_QUEUE_FULL)).isEqualTo(90);
        }
    }

    private static void writeFrame(DataOutputStream out, byte[] frame) throws IOException {
        out.writeInt(frame.length);
        out.write(frame);
        out.flush();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}
