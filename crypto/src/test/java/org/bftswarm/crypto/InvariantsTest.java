package org.bftswarm.crypto;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InvariantsTest {
    @Test
    void holdingInvariantDoesNotThrow() {
        assertThatCode(() -> Invariants.check(true, "never %s", "shown")).doesNotThrowAnyException();
    }

    @Test
    void brokenInvariantThrowsWithFormattedMessage() {
        assertThatThrownBy(() -> Invariants.check(false, "seq %d below low watermark %d", 3, 7))
                .isInstanceOf(InvariantViolation.class)
                .isInstanceOf(RuntimeException.class)
                .hasMessage("seq 3 below low watermark 7");
    }
}
