package org.bftswarm.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.bftswarm.crypto.KeyDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeFilesTest {
    @Test
    void aMissingPrivateKeyIsNamedInTheErrorAndNothingIsGenerated(@TempDir Path data) {
        NodeFiles files = new NodeFiles(data, 2);
        assertThatThrownBy(() -> files.load(4))
                .isInstanceOf(NodeStartupException.class)
                .hasMessageContaining(data.resolve("keys/node-2.key").toString())
                .hasMessageContaining("bftswarm up");
        assertThat(Files.exists(data.resolve("keys"))).isFalse();
    }

    @Test
    void aMissingPeerPublicKeyIsNamed(@TempDir Path data) throws Exception {
        KeyDirectory.at(data.resolve("keys")).ensureNodes(4, new SecureRandom());
        Files.delete(data.resolve("keys/node-3.pub"));
        assertThatThrownBy(() -> new NodeFiles(data, 0).load(4))
                .isInstanceOf(NodeStartupException.class)
                .hasMessageContaining("node-3.pub");
    }

    @Test
    void aMissingOrEmptyTokenIsNamedAndAPresentOneIsReadTrimmed(@TempDir Path data) throws Exception {
        KeyDirectory.at(data.resolve("keys")).ensureNodes(4, new SecureRandom());
        NodeFiles files = new NodeFiles(data, 1);
        assertThatThrownBy(() -> files.load(4))
                .hasMessageContaining(data.resolve("api-token").toString());
        Files.writeString(data.resolve("api-token"), "  \n");
        assertThatThrownBy(() -> files.load(4)).hasMessageContaining("is empty");
        Files.writeString(data.resolve("api-token"), "secret-token\n");
        NodeFiles.Loaded loaded = files.load(4);
        assertThat(loaded.apiToken()).isEqualTo("secret-token");
        assertThat(loaded.nodeKeys()).hasSize(4);
        assertThat(loaded.signingKey().verifyingKey())
                .isEqualTo(loaded.nodeKeys().get(1));
    }
}
