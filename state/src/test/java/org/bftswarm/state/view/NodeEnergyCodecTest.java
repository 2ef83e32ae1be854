package org.bftswarm.state.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.bftswarm.state.crdt.MalformedBytesException;
import org.junit.jupiter.api.Test;

class NodeEnergyCodecTest {
    @Test
    void encodingRoundTrips() throws Exception {
        NodeEnergy e = new NodeEnergy(3, 2_500, 9_000_000, 42_000, "tdp");
        assertThat(NodeEnergy.decode(e.encode())).isEqualTo(e);
    }

    @Test
    void truncatedOrTrailingBytesAreRejected() {
        byte[] bytes = new NodeEnergy(1, 1, 1, 1, "rapl").encode();
        assertThatThrownBy(() -> NodeEnergy.decode(Arrays.copyOf(bytes, bytes.length - 1)))
                .isInstanceOf(MalformedBytesException.class);
        assertThatThrownBy(() -> NodeEnergy.decode(Arrays.copyOf(bytes, bytes.length + 1)))
                .isInstanceOf(MalformedBytesException.class);
    }
}
