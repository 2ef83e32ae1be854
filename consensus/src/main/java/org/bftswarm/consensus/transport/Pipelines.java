package org.bftswarm.consensus.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

/** The one channel pipeline every connection uses (framing, flush batching, hand-off) and the event loops. */
public final class Pipelines {
    /** Per-channel outbound high-water mark: above it a channel reports unwritable. */
    static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(1 << 20, 4 << 20);

    private Pipelines() {}

    /** A daemon NIO event loop group; callers close it with shutdownGracefully(). */
    public static EventLoopGroup newEventLoops(String name, int threads) {
        return new NioEventLoopGroup(threads, new DefaultThreadFactory(name + "-io", true));
    }

    static void install(
            Channel ch,
            TransportConfig config,
            DropCounters drops,
            InboundDispatcher dispatcher,
            Connection connection) {
        ch.config().setOption(ChannelOption.TCP_NODELAY, true);
        ch.config().setWriteBufferWaterMark(WATER_MARK);
        ch.pipeline()
                .addLast("flush", new FlushConsolidationHandler(64, true))
                .addLast("decoder", new FrameDecoder(config.maxFrameBytes(), drops))
                .addLast("encoder", new FrameEncoder())
                .addLast("inbound", new InboundFrameHandler(dispatcher, connection));
    }
}
