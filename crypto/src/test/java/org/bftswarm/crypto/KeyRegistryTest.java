package org.bftswarm.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyRegistryTest {
    @Test
    void lookupFindsRegisteredKeysAndReturnsNullForUnknownIds() {
        KeyRegistry registry =
                TestKeys.registry(4).with(1000, TestKeys.key(1000).verifyingKey());
        assertThat(registry.lookup(2)).isEqualTo(TestKeys.key(2).verifyingKey());
        assertThat(registry.lookup(1000)).isEqualTo(TestKeys.key(1000).verifyingKey());
        assertThat(registry.lookup(4)).isNull();
        assertThat(registry.lookup(-1)).isNull();
    }

    @Test
    void principalsAreAscendingWhateverTheInsertionOrder() {
        Map<Integer, VerifyingKey> keys = new HashMap<>();
        for (int id : new int[] {1001, 3, 0, 2, 1}) {
            keys.put(id, TestKeys.key(id).verifyingKey());
        }
        assertThat(KeyRegistry.of(keys).principals()).containsExactly(0, 1, 2, 3, 1001);
    }

    @Test
    void registryIsACopyAndUnmodifiable() {
        Map<Integer, VerifyingKey> keys = new HashMap<>();
        keys.put(0, TestKeys.key(0).verifyingKey());
        KeyRegistry registry = KeyRegistry.of(keys);
        keys.put(1, TestKeys.key(1).verifyingKey());
        assertThat(registry.lookup(1)).isNull();
        assertThatThrownBy(() -> registry.principals().add(5)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void negativeIdsAndMissingKeysAreRefused() {
        Map<Integer, VerifyingKey> negative = Map.of(-1, TestKeys.key(0).verifyingKey());
        assertThatThrownBy(() -> KeyRegistry.of(negative)).isInstanceOf(IllegalArgumentException.class);
        Map<Integer, VerifyingKey> nullKey = new HashMap<>();
        nullKey.put(0, null);
        assertThatThrownBy(() -> KeyRegistry.of(nullKey)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nodeIdsAreBelowTheFirstClientId() {
        assertThat(KeyRegistry.isNodeId(0)).isTrue();
        assertThat(KeyRegistry.isNodeId(999)).isTrue();
        assertThat(KeyRegistry.isNodeId(1000)).isFalse();
        assertThat(KeyRegistry.isNodeId(-1)).isFalse();
    }
}
