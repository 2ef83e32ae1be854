package org.bftswarm.consensus.transport;

import io.netty.channel.Channel;

/**
 * A {@link Connection} over an accepted Netty channel. Writes only while the channel is writable
 * (below its high-water mark), so the bytes buffered for one slow reader stay bounded; a frame that
 * finds the channel backed up is dropped and counted.
 */
final class ChannelConnection implements Connection {
    private final Channel channel;
    private final DropCounters drops;

    ChannelConnection(Channel channel, DropCounters drops) {
        this.channel = channel;
        this.drops = drops;
    }

    @Override
    public boolean send(byte[] frame) {
        if (!channel.isActive()) {
            return false;
        }
        if (!channel.isWritable()) {
            drops.drop(DropReason.OUTBOUND_QUEUE_FULL, "reader backed up: " + describe());
            return false;
        }
        channel.writeAndFlush(frame, channel.voidPromise());
        return true;
    }

    @Override
    public boolean isOpen() {
        return channel.isActive();
    }

    @Override
    public String describe() {
        return String.valueOf(channel.remoteAddress());
    }
}
