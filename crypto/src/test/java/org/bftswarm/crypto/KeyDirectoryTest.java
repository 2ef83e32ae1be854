package org.bftswarm.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyDirectoryTest {
    @TempDir
    Path tmp;

    @Test
    void ensureNodesMakesKeysOnceAndLaterCallsLoadTheSameKeys() throws IOException {
        KeyDirectory keys = KeyDirectory.at(tmp.resolve("keys"));
        KeyRegistry first = keys.ensureNodes(4, new SecureRandom());
        KeyRegistry second = keys.ensureNodes(4, new SecureRandom());
        assertThat(second).isEqualTo(first);
        assertThat(first.principals()).containsExactly(0, 1, 2, 3);
        assertThat(keys.loadRegistry(4)).isEqualTo(first);
        SigningKey node2 = keys.loadSigningKey(2);
        assertThat(node2.verifyingKey()).isEqualTo(first.lookup(2));
        assertThat(Files.exists(keys.privateKeyFile(3))).isTrue();
    }

    @Test
    void clientKeysJoinTheLoadedRegistry() throws IOException {
        KeyDirectory keys = KeyDirectory.at(tmp);
        keys.ensureNodes(1, new SecureRandom());
        SigningKey client = keys.ensure(1000, new SecureRandom());
        assertThat(keys.publicKeyFile(1000).getFileName().toString()).isEqualTo("client-1000.pub");
        assertThat(keys.loadRegistry(1).principals()).containsExactly(0, 1000);
        assertThat(keys.loadRegistry(1).lookup(1000)).isEqualTo(client.verifyingKey());
    }

    @Test
    void missingPublicFileIsRederivedAndMismatchedOneIsRefused() throws IOException {
        KeyDirectory keys = KeyDirectory.at(tmp);
        SigningKey k = keys.ensure(0, new SecureRandom());
        Files.delete(keys.publicKeyFile(0));
        keys.ensure(0, new SecureRandom());
        assertThat(keys.loadVerifyingKey(0)).isEqualTo(k.verifyingKey());
        Files.delete(keys.publicKeyFile(0));
        KeyFiles.writePublic(keys.publicKeyFile(0), TestKeys.key(7).verifyingKey());
        assertThatThrownBy(() -> keys.ensure(0, new SecureRandom()))
                .isInstanceOf(KeyFileException.class)
                .hasMessageContaining("does not match");
    }
}
