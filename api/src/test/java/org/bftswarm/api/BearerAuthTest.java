package org.bftswarm.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BearerAuthTest {
    private final BearerAuth auth = new BearerAuth("abc123");

    @Test
    void acceptsExactlyTheConfiguredBearerToken() {
        assertThat(auth.allows("Bearer abc123")).isTrue();
        assertThat(auth.allows("bearer abc123")).isTrue();
        assertThat(auth.allows("Bearer  abc123 ")).isTrue();
    }

    @Test
    void rejectsMissingWrongPrefixExtendedAndOtherSchemeTokens() {
        assertThat(auth.allows(null)).isFalse();
        assertThat(auth.allows("")).isFalse();
        assertThat(auth.allows("Bearer ")).isFalse();
        assertThat(auth.allows("Bearer abc12")).isFalse();
        assertThat(auth.allows("Bearer abc1234")).isFalse();
        assertThat(auth.allows("Basic abc123")).isFalse();
        assertThat(auth.allows("abc123")).isFalse();
    }

    @Test
    void aBlankTokenIsRefusedAtConstruction() {
        assertThatThrownBy(() -> new BearerAuth(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
