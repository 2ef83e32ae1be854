package org.bftswarm.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bftswarm.node.config.ConfigAssertions.valid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import org.bftswarm.crypto.KeyFileException;
import org.bftswarm.crypto.KeyFiles;
import org.bftswarm.crypto.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ClientRegistry}: the configuration's clients plus the local admin key, the same on every node. */
class ClientRegistryTest {
    static final String ALICE = ClientsSectionTest.key(1);
    static final String ZED = ClientsSectionTest.key(2);

    @TempDir
    Path dataDir;

    private static ClusterConfig withClients(String... entries) {
        String[] lines = new String[entries.length + 2];
        lines[0] = "swarm: demo";
        lines[1] = "clients:";
        for (int i = 0; i < entries.length; i++) {
            lines[i + 2] = "  - " + entries[i];
        }
        return valid(lines);
    }

    private String writeAdminKey(int seed) throws IOException {
        byte[] bytes = new byte[SigningKey.SEED_LENGTH];
        bytes[0] = (byte) seed;
        SigningKey key = SigningKey.fromSeed(bytes);
        Files.createDirectories(dataDir.resolve(ClientRegistry.CLIENTS_DIR));
        KeyFiles.writePublic(dataDir.resolve(ClientRegistry.ADMIN_PUBLIC_KEY), key.verifyingKey());
        return key.verifyingKey().hex();
    }

    @Test
    void withoutAnAdminKeyFileTheRegistryIsTheConfigurationsClientsByName() throws IOException {
        SortedMap<String, ClientEntry> registry = ClientRegistry.load(
                withClients(
                        "{name: zed, publicKey: " + ZED + ", role: reader}",
                        "{name: alice, publicKey: " + ALICE + ", role: submitter}"),
                dataDir);
        assertThat(registry.keySet()).containsExactly("alice", "zed");
        assertThat(registry.get("zed")).isEqualTo(new ClientEntry("zed", ZED, ClientEntry.READER));
    }

    @Test
    void theLocalAdminKeyIsRegisteredAsAnAdminNamedAdmin() throws IOException {
        String admin = writeAdminKey(9);
        SortedMap<String, ClientEntry> registry =
                ClientRegistry.load(withClients("{name: zed, publicKey: " + ZED + ", role: reader}"), dataDir);
        assertThat(registry.keySet()).containsExactly("admin", "zed");
        assertThat(registry.get("admin")).isEqualTo(new ClientEntry("admin", admin, ClientEntry.ADMIN));
    }

    @Test
    void aConfiguredAdminWinsOverTheLocalAdminKey() throws IOException {
        writeAdminKey(9);
        SortedMap<String, ClientEntry> registry =
                ClientRegistry.load(withClients("{name: admin, publicKey: " + ALICE + ", role: reader}"), dataDir);
        assertThat(registry).containsExactly(Map.entry("admin", new ClientEntry("admin", ALICE, "reader")));
    }

    @Test
    void aLocalAdminKeyThatAConfiguredClientAlreadyHoldsIsIgnored() throws IOException {
        writeAdminKey(1);
        SortedMap<String, ClientEntry> registry =
                ClientRegistry.load(withClients("{name: alice, publicKey: " + ALICE + ", role: reader}"), dataDir);
        assertThat(registry.keySet()).containsExactly("alice");
    }

    @Test
    void aMalformedAdminKeyFileStopsTheLoad() throws IOException {
        Files.createDirectories(dataDir.resolve(ClientRegistry.CLIENTS_DIR));
        Files.writeString(dataDir.resolve(ClientRegistry.ADMIN_PUBLIC_KEY), "not a key\n");
        assertThatThrownBy(() -> ClientRegistry.load(valid("swarm: demo"), dataDir))
                .isInstanceOf(KeyFileException.class)
                .hasMessageContaining("admin.pub");
    }

    @Test
    void twoLoadsOfTheSameInputsGiveEqualRegistries() throws IOException {
        writeAdminKey(9);
        ClusterConfig config = withClients(
                "{name: zed, publicKey: " + ZED + ", role: reader}",
                "{name: alice, publicKey: " + ALICE + ", role: submitter}");
        assertThat(ClientRegistry.load(config, dataDir)).isEqualTo(ClientRegistry.load(config, dataDir));
    }
}
