package org.bftswarm.consensus.runtime;

import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bftswarm.consensus.client.ReplyChannel;
import org.bftswarm.consensus.transport.Connection;
import org.bftswarm.consensus.transport.DropCounters;
import org.bftswarm.consensus.transport.DropReason;
import org.bftswarm.crypto.SignedEnvelope;
import org.bftswarm.crypto.SigningKey;

/**
 * Replica side of {@link ReplyChannel}: answers a client connection's HELLO with a signed ACCEPT and
 * remembers the derived channel for that connection, so replies on it are MAC'd instead of signed.
 * Bounded: at most one channel per open connection; closed connections are purged as the table grows.
 */
final class ReplyChannelTable {
    private static final int PURGE_ABOVE = 4_096;

    private final String swarm;
    private final int replicaId;
    private final SigningKey key;
    private final DropCounters drops;
    private final SecureRandom random = new SecureRandom();
    private final Map<Connection, ReplyChannel> channels = new ConcurrentHashMap<>();

    ReplyChannelTable(String swarm, int replicaId, SigningKey key, DropCounters drops) {
        this.swarm = swarm;
        this.replicaId = replicaId;
        this.key = key;
        this.drops = drops;
    }

    /** Handles a HELLO frame from {@code from}: derives the channel and answers with a signed ACCEPT. */
    void onHello(Connection from, byte[] frame) {
        byte[] clientPublic = ReplyChannel.parseHello(frame);
        if (clientPublic == null) {
            drops.drop(DropReason.MALFORMED, "bad reply-channel HELLO via " + from.describe());
            return;
        }
        byte[][] mine = ReplyChannel.ephemeral(random);
        ReplyChannel channel = ReplyChannel.derive(mine[0], clientPublic, clientPublic, mine[1]);
        if (channel == null) {
            drops.drop(DropReason.MALFORMED, "degenerate reply-channel key via " + from.describe());
            return;
        }
        if (channels.size() > PURGE_ABOVE) {
            channels.keySet().removeIf(c -> !c.isOpen());
        }
        channels.put(from, channel);
        byte[] payload = new byte[64];
        System.arraycopy(clientPublic, 0, payload, 0, 32);
        System.arraycopy(mine[1], 0, payload, 32, 32);
        from.send(SignedEnvelope.sign(swarm, ReplyChannel.ACCEPT_TYPE, replicaId, payload, key)
                .encode());
    }

    /** The channel established on this connection, or null. */
    ReplyChannel channel(Connection c) {
        return channels.get(c);
    }
}
