package org.bftswarm.state.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bftswarm.state.crdt.CanonicalWriter;
import org.bftswarm.state.crdt.MalformedBytesException;
import org.junit.jupiter.api.Test;

/** The heartbeat encoding: the announced interval round-trips, and the older form without it still decodes. */
class HeartbeatCodecTest {

    @Test
    void theAnnouncedIntervalRoundTrips() throws Exception {
        Heartbeat h = new Heartbeat(3, 7, 1_000, 2_000);
        assertThat(Heartbeat.decode(h.encode())).isEqualTo(h);
    }

    @Test
    void aHeartbeatWithoutAnIntervalDecodesAsAnnouncingNone() throws Exception {
        byte[] old =
                new CanonicalWriter().writeInt(3).writeLong(7).writeLong(1_000).toByteArray();
        assertThat(Heartbeat.decode(old)).isEqualTo(new Heartbeat(3, 7, 1_000, 0));
        assertThat(new Heartbeat(3, 7, 1_000).encode()).isEqualTo(old);
    }

    @Test
    void aZeroOrNegativeAnnouncedIntervalIsMalformed() {
        byte[] zero = new CanonicalWriter()
                .writeInt(3)
                .writeLong(7)
                .writeLong(1_000)
                .writeInt(0)
                .toByteArray();
        byte[] negative = new CanonicalWriter()
                .writeInt(3)
                .writeLong(7)
                .writeLong(1_000)
                .writeInt(-5)
                .toByteArray();
        assertThatThrownBy(() -> Heartbeat.decode(zero)).isInstanceOf(MalformedBytesException.class);
        assertThatThrownBy(() -> Heartbeat.decode(negative)).isInstanceOf(MalformedBytesException.class);
    }
}
