package org.bftswarm.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bftswarm.crypto.KeyDirectory;
import org.bftswarm.crypto.SigningKey;
import org.bftswarm.crypto.VerifyingKey;
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

    @Test
    void withConfiguredKeysANodeLoadsOnlyItsOwnPrivateKeyAndNoOtherKeyFile(@TempDir Path hosts) throws Exception {
        List<VerifyingKey> configured = new ArrayList<>();
        for (int id = 0; id < 4; id++) {
            Path host = hosts.resolve("host-" + id);
            configured.add(KeyDirectory.at(host.resolve("keys"))
                    .ensure(id, new SecureRandom())
                    .verifyingKey());
            Files.writeString(host.resolve("api-token"), "t\n");
        }
        for (int id = 0; id < 4; id++) {
            Path host = hosts.resolve("host-" + id);
            try (var files = Files.list(host.resolve("keys"))) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .containsExactlyInAnyOrder("node-" + id + ".key", "node-" + id + ".pub");
            }
            NodeFiles.Loaded loaded = new NodeFiles(host, id).load(4, Optional.of(configured));
            assertThat(loaded.nodeKeys()).isEqualTo(configured);
            assertThat(loaded.signingKey().verifyingKey()).isEqualTo(configured.get(id));
        }
    }

    @Test
    void aPrivateKeyThatDoesNotMatchItsConfiguredPublicKeyIsRefusedNamingBoth(@TempDir Path data) throws Exception {
        KeyDirectory.at(data.resolve("keys")).ensureNodes(4, new SecureRandom());
        Files.writeString(data.resolve("api-token"), "t\n");
        List<VerifyingKey> configured = new ArrayList<>();
        for (int id = 0; id < 4; id++) {
            configured.add(SigningKey.generate(new SecureRandom()).verifyingKey());
        }
        assertThatThrownBy(() -> new NodeFiles(data, 2).load(4, Optional.of(configured)))
                .isInstanceOf(NodeStartupException.class)
                .hasMessageContaining("node-2.key")
                .hasMessageContaining("nodes.list[2].publicKey");
    }
}
