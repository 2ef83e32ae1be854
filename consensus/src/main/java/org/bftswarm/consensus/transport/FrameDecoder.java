package org.bftswarm.consensus.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Splits a TCP byte stream into frames of the form {@code [int32 big-endian length][length bytes]}.
 * A length above the maximum (or negative) is counted as {@link DropReason#OVERSIZED_FRAME} and the
 * connection is closed, since the stream can no longer be trusted to be in sync; a connection that
 * ends inside a frame is counted as {@link DropReason#TRUNCATED_FRAME}. Never throws on hostile bytes.
 */
public final class FrameDecoder extends ByteToMessageDecoder {
    public static final int HEADER_BYTES = 4;

    private final int maxFrameBytes;
    private final DropCounters drops;
    private boolean poisoned;

    public FrameDecoder(int maxFrameBytes, DropCounters drops) {
        this.maxFrameBytes = maxFrameBytes;
        this.drops = drops;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (!poisoned && in.readableBytes() >= HEADER_BYTES) {
            int length = in.getInt(in.readerIndex());
            if (length < 0 || length > maxFrameBytes) {
                poisoned = true;
                in.skipBytes(in.readableBytes());
                drops.drop(
                        DropReason.OVERSIZED_FRAME,
                        "length " + length + " > max " + maxFrameBytes + " from "
                                + ctx.channel().remoteAddress());
                ctx.close();
                return;
            }
            if (in.readableBytes() < HEADER_BYTES + length) {
                return;
            }
            in.skipBytes(HEADER_BYTES);
            byte[] frame = new byte[length];
            in.readBytes(frame);
            out.add(frame);
        }
        if (poisoned) {
            in.skipBytes(in.readableBytes());
        }
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        decode(ctx, in, out);
        if (!poisoned && in.isReadable()) {
            drops.drop(
                    DropReason.TRUNCATED_FRAME,
                    in.readableBytes() + " trailing bytes from " + ctx.channel().remoteAddress());
            in.skipBytes(in.readableBytes());
        }
    }
}
