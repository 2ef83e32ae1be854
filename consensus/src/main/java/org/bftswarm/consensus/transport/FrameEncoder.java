package org.bftswarm.consensus.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/** Writes a {@code byte[]} as {@code [int32 big-endian length][bytes]}; the inverse of {@link FrameDecoder}. */
public final class FrameEncoder extends MessageToByteEncoder<byte[]> {
    public FrameEncoder() {
        super(byte[].class, true);
    }

    @Override
    protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, byte[] msg, boolean preferDirect) {
        return ctx.alloc().ioBuffer(FrameDecoder.HEADER_BYTES + msg.length);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, byte[] frame, ByteBuf out) {
        out.writeInt(frame.length);
        out.writeBytes(frame);
    }
}
