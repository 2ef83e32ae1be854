package org.bftswarm.consensus.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import org.bftswarm.crypto.RateLimitedLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Last handler of every pipeline: hands each decoded frame to the dispatcher, tagged with its connection. */
final class InboundFrameHandler extends SimpleChannelInboundHandler<byte[]> {
    private static final Logger LOG = LoggerFactory.getLogger(InboundFrameHandler.class);
    private static final RateLimitedLog ERRORS = new RateLimitedLog(LOG, 1_000);

    private final InboundDispatcher dispatcher;
    private final Connection connection;

    InboundFrameHandler(InboundDispatcher dispatcher, Connection connection) {
        this.dispatcher = dispatcher;
        this.connection = connection;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, byte[] frame) {
        dispatcher.dispatch(connection, frame);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ERRORS.warn("closing connection {} after error: {}", ctx.channel().remoteAddress(), String.valueOf(cause));
        ctx.close();
    }
}
