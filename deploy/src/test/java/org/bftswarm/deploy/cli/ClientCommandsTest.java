package org.bftswarm.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.bftswarm.crypto.KeyFiles;
import org.bftswarm.node.config.ClientEntry;
import org.bftswarm.node.config.ConfigParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code client keygen}, {@code --client-key} and {@code --via}, on a cluster that is not running. */
class ClientCommandsTest {
    @TempDir
    Path dir;

    Path config;
    Path data;

    @BeforeEach
    void writeConfig() throws IOException {
        config = dir.resolve("cluster.yaml");
        data = dir.resolve("data");
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "swarm: unit-clients",
                        "nodes:",
                        "  count: 4",
                        "  httpPort: 47710",
                        "  wsPort: 47810",
                        "  randomPortRange: {min: 47900, max: 47999}",
                        "cleanup: false",
                        ""));
    }

    private CliRun keygen(String... extra) {
        List<String> args =
                new ArrayList<>(List.of("client", "keygen", "--config", config.toString(), "--data", data.toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static String pastedEntry(CliRun run) {
        return run.out()
                .lines()
                .filter(l -> l.startsWith("  - {"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no entry in " + run.all()));
    }

    @Test
    void keygenWritesAnOwnerOnlyKeyAndAnEntryThatConfigValidateAcceptsWhenPasted() throws IOException {
        CliRun run = keygen("alice");
        assertThat(run.exitCode()).as(run.all()).isZero();
        Path key = data.resolve("clients/alice.key");
        Path pub = data.resolve("clients/alice.pub");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                .isEqualTo("rw-------");
        String hex = KeyFiles.readPublic(pub).hex();
        assertThat(KeyFiles.readPrivate(key).verifyingKey().hex()).isEqualTo(hex);
        String entry = pastedEntry(run);
        assertThat(entry).contains("name: alice").contains(hex).contains("role: submitter");

        Path pasted = dir.resolve("pasted.yaml");
        Files.writeString(pasted, "swarm: demo\nclients:\n" + entry + "\n");
        CliRun validate = CliRun.of("config", "validate", pasted.toString());
        assertThat(validate.exitCode()).as(validate.all()).isZero();
        assertThat(new ConfigParser()
                        .parse("pasted.yaml", Files.readString(pasted))
                        .config()
                        .orElseThrow()
                        .clients())
                .containsExactly(new ClientEntry("alice", hex, ClientEntry.SUBMITTER));
    }

    @Test
    void keygenWritesTheRoleAsked() {
        CliRun run = keygen("ops", "--role", "admin");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(pastedEntry(run)).contains("role: admin");
    }

    @Test
    void keygenRefusesToOverwriteAnExistingKey() throws IOException {
        assertThat(keygen("alice").exitCode()).isZero();
        String before = Files.readString(data.resolve("clients/alice.key"));
        CliRun again = keygen("alice");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("already exists").contains("alice.key");
        assertThat(Files.readString(data.resolve("clients/alice.key"))).isEqualTo(before);
    }

    @Test
    void keygenWritesWhereOutSays() {
        Path out = dir.resolve("elsewhere/ci.key");
        CliRun run = CliRun.of("client", "keygen", "ci", "--out", out.toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(out).exists();
        assertThat(dir.resolve("elsewhere/ci.pub")).exists();
    }

    @Test
    void aBadNameRoleOrOutFileIsAUsageError() {
        assertThat(keygen("Alice").exitCode()).isEqualTo(2);
        CliRun role = keygen("alice", "--role", "owner");
        assertThat(role.exitCode()).isEqualTo(2);
        assertThat(role.err()).contains("admin, submitter, reader");
        CliRun out = keygen("alice", "--out", dir.resolve("bob.key").toString());
        assertThat(out.exitCode()).isEqualTo(2);
        assertThat(out.err()).contains("alice.key");
        assertThat(data.resolve("clients")).doesNotExist();
    }

    @Test
    void aWorldReadableClientKeyIsRefusedWithTheChmodFix() throws IOException {
        Path key = dir.resolve("alice.key");
        assertThat(CliRun.of("client", "keygen", "alice", "--out", key.toString())
                        .exitCode())
                .isZero();
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        CliRun run = CliRun.of(
                "submit",
                "--config",
                config.toString(),
                "--data",
                data.toString(),
                "--client-key",
                key.toString(),
                "--image",
                "bftswarm/busybox",
                "--",
                "true");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("refusing to load private key").contains("chmod 600 " + key);
    }

    @Test
    void aMissingClientKeyIsAClearError() {
        Path key = dir.resolve("nobody.key");
        CliRun run = CliRun.of(
                "readmit",
                "1",
                "--config",
                config.toString(),
                "--data",
                data.toString(),
                "--client-key",
                key.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(key + " does not exist");
    }

    @Test
    void viaOutsideTheClusterIsAUsageErrorNamingTheRange() {
        List<List<String>> commands = List.of(
                List.of("jobs"),
                List.of("job", "job-1"),
                List.of("logs", "job-1.0"),
                List.of("readmit", "1"),
                List.of("submit", "--image", "x"));
        for (List<String> command : commands) {
            List<String> args = new ArrayList<>(command);
            args.addAll(List.of("--via", "9", "--config", config.toString()));
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertThat(run.exitCode()).as("%s: %s", args, run.all()).isEqualTo(2);
            assertThat(run.err()).contains("--via 9").contains("ids 0..3");
        }
    }

    @Test
    void viaMakesTheNamedNodeTheFirstOneTried() {
        CliRun run = CliRun.of("jobs", "--via", "2", "--config", config.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        String tried = run.err();
        assertThat(tried.indexOf(":47712")).isPositive().isLessThan(tried.indexOf(":47713"));
        assertThat(tried.indexOf(":47713")).isLessThan(tried.indexOf(":47710"));
        assertThat(tried.indexOf(":47710")).isLessThan(tried.indexOf(":47711"));
    }
}
