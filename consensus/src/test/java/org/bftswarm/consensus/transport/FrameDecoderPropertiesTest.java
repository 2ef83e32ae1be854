package org.bftswarm.consensus.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class FrameDecoderPropertiesTest {
    private static final int MAX = 1024;

    @Property(tries = 200)
    void framesSurviveAnySplittingOfTheByteStream(
            @ForAll @Size(max = 8) List<@Size(max = 300) byte[]> frames,
            @ForAll @IntRange(min = 1, max = 50) int chunk) {
        DropCounters drops = new DropCounters("test");
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(MAX, drops));
        ByteBuffer wire =
                ByteBuffer.allocate(frames.stream().mapToInt(f -> f.length + 4).sum());
        frames.forEach(f -> wire.putInt(f.length).put(f));
        byte[] bytes = wire.array();
        for (int off = 0; off < bytes.length; off += chunk) {
            ch.writeInbound(Unpooled.wrappedBuffer(bytes, off, Math.min(chunk, bytes.length - off)));
        }
        List<byte[]> out = new ArrayList<>();
        for (Object o; (o = ch.readInbound()) != null; ) {
            out.add((byte[]) o);
        }
        assertThat(out).containsExactlyElementsOf(frames);
        assertThat(drops.total()).isZero();
        ch.finishAndReleaseAll();
    }

    @Property(tries = 300)
    void randomBytesNeverThrowAndNeverYieldAFrameAboveTheMaximum(@ForAll @Size(max = 2000) byte[] junk) {
        DropCounters drops = new DropCounters("test");
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(MAX, drops));
        ch.writeInbound(Unpooled.wrappedBuffer(junk));
        for (Object o; (o = ch.readInbound()) != null; ) {
            assertThat(((byte[]) o).length).isLessThanOrEqualTo(MAX);
        }
        ch.finishAndReleaseAll();
    }

    @Property(tries = 50)
    void aStreamEndingInsideAFrameIsCountedAsTruncated(
            @ForAll @IntRange(min = 1, max = 500) int declared, @ForAll @IntRange(min = 0, max = 499) int sent) {
        int actual = Math.min(sent, declared - 1);
        DropCounters drops = new DropCounters("test");
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(MAX, drops));
        ch.writeInbound(Unpooled.buffer().writeInt(declared).writeBytes(new byte[actual]));
        assertThat((Object) ch.readInbound()).isNull();
        ch.finishAndReleaseAll();
        assertThat(drops.count(DropReason.TRUNCATED_FRAME)).isEqualTo(1);
    }
}
