package org.bftswarm.consensus.client;

import io.netty.channel.EventLoopGroup;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.bftswarm.consensus.codec.Codec;
import org.bftswarm.consensus.codec.Decoded;
import org.bftswarm.consensus.codec.Message;
import org.bftswarm.consensus.codec.MessageType;
import org.bftswarm.consensus.runtime.ClusterSpec;
import org.bftswarm.consensus.transport.Connection;
import org.bftswarm.consensus.transport.DropCounters;
import org.bftswarm.consensus.transport.DropReason;
import org.bftswarm.consensus.transport.InboundDispatcher;
import org.bftswarm.consensus.transport.PeerLink;
import org.bftswarm.consensus.transport.Pipelines;
import org.bftswarm.consensus.transport.TransportConfig;
import org.bftswarm.crypto.EnvelopeDecoder;
import org.bftswarm.crypto.KeyRegistry;
import org.bftswarm.crypto.SignedEnvelope;
import org.bftswarm.crypto.VerifyingKey;

/**
 * The client side of the network, shared by any number of {@link ServiceProxy} instances in one JVM:
 * one TCP link per replica (replicas answer each client on the connection its request arrived on, as
 * in BFT-SMaRt's client layer), and a small pool that decodes replies and routes them to the proxy of
 * their client id. Each new connection first sets up a {@link ReplyChannel} (replies then carry a MAC
 * instead of a signature); signed replies, used until then, are checked by the proxy only while its
 * request is undecided.
 */
public final class ClientNetwork implements AutoCloseable {
    /** How often client cores are ticked (retransmission and deadline granularity). */
    static final long TICK_MILLIS = 20;

    static final long IDLE_TICK_MILLIS = 100;

    private final ClusterSpec cluster;
    private final KeyRegistry keys;
    private final EventLoopGroup loops;
    private final DropCounters drops = new DropCounters("client");
    private final InboundDispatcher inbound;
    private final List<PeerLink> links = new ArrayList<>();
    private final Map<Integer, ServiceProxy> proxies = new ConcurrentHashMap<>();
    private final Map<Connection, Integer> replicaOf = new ConcurrentHashMap<>();
    private final Map<Connection, byte[][]> handshakes = new ConcurrentHashMap<>();
    private final Map<Connection, ReplyChannel> channels = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    public ClientNetwork(ClusterSpec cluster, KeyRegistry keys, TransportConfig config, int workers) {
        this.cluster = cluster;
        this.keys = keys;
        this.loops = Pipelines.newEventLoops("client", 1);
        this.inbound = new InboundDispatcher("client", workers, config.inboundQueueFrames(), this::onFrame, drops);
        for (int r = 0; r < cluster.n(); r++) {
            int replica = r;
            links.add(new PeerLink("replica-" + r, cluster.address(r), config, loops, inbound)
                    .onConnect(c -> startHandshake(replica, c))
                    .start());
        }
        scheduleTick(TICK_MILLIS);
    }

    private void scheduleTick(long delayMillis) {
        try {
            loops.schedule(this::tickProxies, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // shutting down
        }
    }

    /**
     * Ticks every proxy, then again in {@link #TICK_MILLIS} while one has an invocation in flight, else in
     * {@link #IDLE_TICK_MILLIS}: a first retransmission is due only after the request timeout (hundreds
     * of ms), so an idle network need not wake 50 times a second.
     */
    private void tickProxies() {
        long now = System.currentTimeMillis();
        boolean busy = false;
        for (ServiceProxy p : proxies.values()) {
            p.tick(now);
            busy |= p.busy();
        }
        scheduleTick(busy ? TICK_MILLIS : IDLE_TICK_MILLIS);
    }

    public ClusterSpec cluster() {
        return cluster;
    }

    public DropCounters drops() {
        return drops;
    }

    void register(ServiceProxy proxy) {
        ServiceProxy prior = proxies.putIfAbsent(proxy.clientId(), proxy);
        if (prior != null && prior != proxy) {
            throw new IllegalStateException("client id " + proxy.clientId() + " already has a proxy here");
        }
    }

    void unregister(ServiceProxy proxy) {
        proxies.remove(proxy.clientId(), proxy);
    }

    void sendToAll(byte[] frame) {
        for (PeerLink l : links) {
            l.send(frame);
        }
    }

    /** True when every replica link is connected. */
    public boolean allConnected() {
        return links.stream().allMatch(PeerLink::isConnected);
    }

    /** Verifies a reply envelope's signature under its (replica) sender's key. */
    boolean authentic(SignedEnvelope env) {
        VerifyingKey k = keys.lookup(env.sender());
        if (k != null && env.verifiesWith(k)) {
            return true;
        }
        drops.drop(DropReason.BAD_SIGNATURE, "reply claiming replica " + env.sender());
        return false;
    }

    /** True when {@code cert}, carried by a reply of {@code replica}, is signed by that replica for this swarm. */
    boolean certifies(int replica, ReplySignature cert) {
        VerifyingKey k = keys.lookup(replica);
        if (k != null && cert.replica() == replica && ReplyCertificate.verifies(cluster.swarm(), k, cert)) {
            return true;
        }
        drops.drop(DropReason.BAD_SIGNATURE, "reply certificate of replica " + replica);
        return false;
    }

    /** Opens a {@link ReplyChannel} on a new connection to {@code replica}: sends HELLO, awaits ACCEPT. */
    private void startHandshake(int replica, Connection c) {
        if (replicaOf.size() > 64) {
            replicaOf.keySet().removeIf(x -> !x.isOpen());
            handshakes.keySet().removeIf(x -> !x.isOpen());
            channels.keySet().removeIf(x -> !x.isOpen());
        }
        byte[][] mine = ReplyChannel.ephemeral(random);
        replicaOf.put(c, replica);
        handshakes.put(c, mine);
        c.send(ReplyChannel.hello(mine[1]));
    }

    /** True once every replica link has an authenticated reply channel. */
    public boolean allChannelsReady() {
        return readyChannels() >= cluster.n();
    }

    /** Open connections with an authenticated reply channel. */
    public long readyChannels() {
        return channels.keySet().stream().filter(Connection::isOpen).count();
    }

    private void onAccept(Connection from, SignedEnvelope env) {
        Integer replica = replicaOf.get(from);
        byte[][] mine = handshakes.remove(from);
        byte[] payload = env.payload();
        if (replica == null
                || mine == null
                || env.sender() != replica
                || payload.length != 64
                || !Arrays.equals(Arrays.copyOf(payload, 32), mine[1])) {
            drops.drop(DropReason.UNEXPECTED_SENDER, "unsolicited reply-channel ACCEPT from " + env.sender());
            return;
        }
        if (!authentic(env)) {
            return;
        }
        byte[] replicaPublic = Arrays.copyOfRange(payload, 32, 64);
        ReplyChannel channel = ReplyChannel.derive(mine[0], replicaPublic, mine[1], replicaPublic);
        if (channel == null) {
            drops.drop(DropReason.MALFORMED, "degenerate reply-channel key from " + env.sender());
            return;
        }
        channels.put(from, channel);
    }

    private void onSealed(Connection from, byte[] frame) {
        Integer replica = replicaOf.get(from);
        ReplyChannel channel = channels.get(from);
        if (replica == null || channel == null) {
            drops.drop(DropReason.UNEXPECTED_SENDER, "sealed reply without a channel via " + from.describe());
            return;
        }
        byte[] body = channel.open(replica, frame);
        if (body == null) {
            drops.drop(DropReason.BAD_SIGNATURE, "reply MAC or counter wrong from replica " + replica);
            return;
        }
        Decoded<Message> decoded = Codec.decodeBody(MessageType.REPLY, body);
        if (!(decoded instanceof Decoded.Ok<Message> ok)) {
            drops.drop(DropReason.MALFORMED, "sealed reply body from " + replica);
            return;
        }
        Message.Reply reply = (Message.Reply) ok.value();
        ServiceProxy proxy = proxies.get(reply.clientId());
        if (proxy != null) {
            proxy.onReply(replica, reply, null);
        }
    }

    private void onFrame(Connection from, byte[] frame) {
        if (ReplyChannel.isSealed(frame)) {
            onSealed(from, frame);
            return;
        }
        EnvelopeDecoder.Result d = EnvelopeDecoder.decode(frame);
        if (!d.isOk()) {
            drops.drop(DropReason.MALFORMED, d.error() + " via " + from.describe());
            return;
        }
        SignedEnvelope env = d.envelope();
        if (!cluster.swarm().equals(env.swarm())) {
            drops.drop(DropReason.WRONG_SWARM, "swarm '" + env.swarm() + "'");
            return;
        }
        if (env.type() == ReplyChannel.ACCEPT_TYPE) {
            onAccept(from, env);
            return;
        }
        if (env.type() != MessageType.REPLY || env.sender() < 0 || env.sender() >= cluster.n()) {
            drops.drop(DropReason.UNEXPECTED_SENDER, MessageType.name(env.type()) + " from " + env.sender());
            return;
        }
        Decoded<Message> body = Codec.decodeBody(env.type(), env.payload());
        if (!(body instanceof Decoded.Ok<Message> ok)) {
            drops.drop(DropReason.MALFORMED, "reply body from " + env.sender());
            return;
        }
        Message.Reply reply = (Message.Reply) ok.value();
        ServiceProxy proxy = proxies.get(reply.clientId());
        if (proxy != null) {
            proxy.onReply(env.sender(), reply, env);
        }
    }

    @Override
    public void close() {
        links.forEach(PeerLink::close);
        inbound.close();
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
}
