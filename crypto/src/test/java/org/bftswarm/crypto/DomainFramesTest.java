package org.bftswarm.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DomainFramesTest {
    @Test
    void differentFieldSplitsOrDomainsNeverGiveTheSameBytes() {
        byte[] ab = DomainFrames.frame("d", DomainFrames.text("ab"), DomainFrames.text("c"));
        byte[] abc = DomainFrames.frame("d", DomainFrames.text("a"), DomainFrames.text("bc"));
        byte[] other = DomainFrames.frame("e", DomainFrames.text("ab"), DomainFrames.text("c"));
        assertThat(ab).isNotEqualTo(abc).isNotEqualTo(other);
        assertThat(DomainFrames.frame("d", DomainFrames.text("ab"), DomainFrames.text("c")))
                .isEqualTo(ab);
    }
}
