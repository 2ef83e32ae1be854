package org.bftswarm.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.bftswarm.crypto.KeyFiles;
import org.bftswarm.node.NodeFiles;
import org.bftswarm.node.config.ClusterConfig;
import org.bftswarm.node.config.ConfigParser;
import org.bftswarm.node.config.ConfigReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keygen --node I}: each node's key is made on its own host, the configuration carries the
 * public keys, and a node then starts from its own private key alone.
 */
class KeygenCommandTest {
    @TempDir
    Path dir;

    private static String printedKey(CliRun run) {
        return run.out()
                .lines()
                .filter(l -> l.startsWith("public key  "))
                .map(l -> l.substring("public key  ".length()).strip())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no public key in " + run.all()));
    }

    @Test
    void keygenWritesAnOwnerOnlyPrivateKeyAndPrintsItsPublicKey() throws IOException {
        Path host = dir.resolve("host-2");
        CliRun run = CliRun.of("keygen", "--node", "2", "--data", host.toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        Path key = host.resolve("keys/node-2.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                .isEqualTo("rw-------");
        String hex = printedKey(run);
        assertThat(KeyFiles.readPrivate(key).verifyingKey().hex()).isEqualTo(hex);
        assertThat(run.out()).contains("publicKey: \"" + hex + "\"").contains("nodes.list[2]");
        try (var files = Files.list(host.resolve("keys"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("node-2.key", "node-2.pub");
        }
    }

    @Test
    void aSecondKeygenKeepsTheKeyAndPrintsTheSamePublicKey() {
        Path host = dir.resolve("host-0");
        CliRun first = CliRun.of("keygen", "--node", "0", "--data", host.toString());
        CliRun second = CliRun.of("keygen", "--node", "0", "--data", host.toString());
        assertThat(second.exitCode()).as(second.all()).isZero();
        assertThat(printedKey(second)).isEqualTo(printedKey(first));
        assertThat(second.out()).contains("kept as it was");
    }

    @Test
    void aNodeIdOutsideTheConfigurationIsAUsageError() throws IOException {
        Path config = dir.resolve("c.yaml");
        Files.writeString(config, "swarm: keys\nnodes: {count: 4}\n");
        CliRun run = CliRun.of("keygen", "--node", "4", "--config", config.toString(), "--data", dir.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--node 4").contains("0..3");
    }

    @Test
    void keysMadeOnFourHostsGoIntoOneConfigurationAndEachNodeLoadsFromItsOwnHostAlone() throws IOException {
        List<String> keys = new ArrayList<>();
        for (int id = 0; id < 4; id++) {
            CliRun run = CliRun.of("keygen", "--node", Integer.toString(id), "--data", host(id).toString());
            assertThat(run.exitCode()).as(run.all()).isZero();
            keys.add(printedKey(run));
            Files.writeString(host(id).resolve("api-token"), "token\n");
        }
        List<String> yaml = new ArrayList<>(List.of("swarm: hosts", "nodes:", "  list:"));
        for (int id = 0; id < 4; id++) {
            yaml.add("    - host: 10.0.0." + (id + 1));
            yaml.add("      publicKey: \"" + keys.get(id) + "\"");
        }
        ConfigReport report = new ConfigParser().parse("hosts.yaml", String.join("\n", yaml) + "\n");
        assertThat(report.errors()).isEmpty();
        ClusterConfig config = report.config().orElseThrow();
        for (int id = 0; id < 4; id++) {
            NodeFiles.Loaded loaded = new NodeFiles(host(id), id).load(4, config.configuredNodeKeys());
            assertThat(loaded.signingKey().verifyingKey().hex()).isEqualTo(keys.get(id));
            for (int other = 0; other < 4; other++) {
                assertThat(Files.exists(host(id).resolve("keys/node-" + other + ".key")))
                        .as("host %d holds node %d's private key", id, other)
                        .isEqualTo(other == id);
            }
        }
    }

    @Test
    void upWithConfiguredKeysRefusesToStartWhenANodesPrivateKeyIsMissingNamingKeygen() throws IOException {
        Path data = dir.resolve("data");
        List<String> yaml = new ArrayList<>(List.of(
                "swarm: up-keys",
                "nodes:",
                "  httpPort: 33950",
                "  wsPort: 33960",
                "  randomPortRange: {min: 33970, max: 33989}",
                "  list:"));
        for (int id = 0; id < 4; id++) {
            CliRun run = CliRun.of("keygen", "--node", Integer.toString(id), "--data", host(id).toString());
            yaml.add("    - host: 127.0.0.1");
            yaml.add("      publicKey: \"" + printedKey(run) + "\"");
        }
        Path config = dir.resolve("up.yaml");
        Files.writeString(config, String.join("\n", yaml) + "\n");
        Files.createDirectories(data.resolve("keys"));
        Files.copy(host(0).resolve("keys/node-0.key"), data.resolve("keys/node-0.key"));
        CliRun up = CliRun.of("up", "--skip-docker-check", "--config", config.toString(), "--data", data.toString());
        assertThat(up.exitCode()).as(up.all()).isEqualTo(1);
        assertThat(up.err()).contains("node 1's private key").contains("./bftswarm keygen --node 1");
        assertThat(Files.exists(data.resolve("keys/node-1.key")))
                .as("up made no key")
                .isFalse();
    }

    private Path host(int id) {
        return dir.resolve("host-" + id);
    }
}
