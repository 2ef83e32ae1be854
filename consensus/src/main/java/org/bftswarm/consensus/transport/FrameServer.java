package org.bftswarm.consensus.transport;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Accepts TCP connections on exactly the configured address (never a wildcard) and feeds their frames
 * to an {@link InboundDispatcher}; answers go back on the same connection.
 */
public final class FrameServer implements AutoCloseable {
    private final InetSocketAddress bindAddress;
    private final TransportConfig config;
    private final EventLoopGroup group;
    private final InboundDispatcher dispatcher;
    private Channel serverChannel;

    public FrameServer(
            InetSocketAddress bindAddress, TransportConfig config, EventLoopGroup group, InboundDispatcher dispatcher) {
        this.bindAddress = bindAddress;
        this.config = config;
        this.group = group;
        this.dispatcher = dispatcher;
    }

    /** Binds synchronously; throws IOException when the address is taken or not local. */
    public synchronized FrameServer start() throws IOException {
        DropCounters drops = dispatcher.drops();
        ServerBootstrap b = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        Pipelines.install(ch, config, drops, dispatcher, new ChannelConnection(ch, drops));
                    }
                });
        try {
            serverChannel = b.bind(bindAddress).syncUninterruptibly().channel();
        } catch (Exception e) {
            throw new IOException("cannot bind " + bindAddress + ": " + e.getMessage(), e);
        }
        return this;
    }

    /** The bound port (useful when configured with port 0). */
    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    public InetSocketAddress boundAddress() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    @Override
    public synchronized void close() {
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
        }
    }
}
