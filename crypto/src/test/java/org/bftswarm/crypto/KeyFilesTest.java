package org.bftswarm.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key files: owner-only private keys, refusal of group/world-accessible ones, strict content. */
class KeyFilesTest {
    @TempDir
    Path dir;

    @Test
    void privateKeyRoundTripsAndIsCreatedOwnerOnly() throws IOException {
        Path file = dir.resolve("node-0.key");
        SigningKey key = TestKeys.key(0);
        KeyFiles.writePrivate(file, key);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(file, StandardCharsets.US_ASCII)).matches("[0-9a-f]{64}\n");
        assertThat(KeyFiles.readPrivate(file).verifyingKey()).isEqualTo(key.verifyingKey());
    }

    @Test
    void worldReadablePrivateKeyIsRefusedWithFileNameAndChmodFix() throws IOException {
        Path file = dir.resolve("node-1.key");
        KeyFiles.writePrivate(file, TestKeys.key(1));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> KeyFiles.readPrivate(file))
                .isInstanceOf(KeyFileException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("chmod 600 " + file);
    }

    @Test
    void groupReadablePrivateKeyIsRefused() throws IOException {
        Path file = dir.resolve("node-2.key");
        KeyFiles.writePrivate(file, TestKeys.key(2));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        assertThatThrownBy(() -> KeyFiles.readPrivate(file))
                .isInstanceOf(KeyFileException.class)
                .hasMessageContaining("chmod 600");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        assertThat(KeyFiles.readPrivate(file).verifyingKey())
                .isEqualTo(TestKeys.key(2).verifyingKey());
    }

    @Test
    void existingKeyFileIsNeverOverwritten() throws IOException {
        Path file = dir.resolve("node-3.key");
        KeyFiles.writePrivate(file, TestKeys.key(3));
        assertThatThrownBy(() -> KeyFiles.writePrivate(file, TestKeys.key(4)))
                .isInstanceOf(KeyFileException.class)
                .hasMessageContaining("already exists");
        assertThat(KeyFiles.readPrivate(file).verifyingKey())
                .isEqualTo(TestKeys.key(3).verifyingKey());
    }

    @Test
    void rawThirtyTwoByteSeedFileIsAccepted() throws IOException {
        Path file = dir.resolve("raw.key");
        Files.write(file, TestKeys.key(5).seed());
        Files.setPosixFilePermissions(file, KeyFiles.PRIVATE_PERMISSIONS);
        assertThat(KeyFiles.readPrivate(file).verifyingKey())
                .isEqualTo(TestKeys.key(5).verifyingKey());
    }

    @Test
    void malformedOrMissingKeyFilesGiveClearErrors() throws IOException {
        Path file = dir.resolve("bad.key");
        Files.writeString(file, "not hex at all");
        Files.setPosixFilePermissions(file, KeyFiles.PRIVATE_PERMISSIONS);
        assertThatThrownBy(() -> KeyFiles.readPrivate(file))
                .isInstanceOf(KeyFileException.class)
                .hasMessageContaining("malformed")
                .hasMessageContaining(file.toString());
        Path missing = dir.resolve("missing.key");
        assertThatThrownBy(() -> KeyFiles.readPrivate(missing))
                .isInstanceOf(KeyFileException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void publicKeyRoundTripsAndInvalidPointIsRefused() throws IOException {
        Path file = dir.resolve("node-0.pub");
        KeyFiles.writePublic(file, TestKeys.key(0).verifyingKey());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-r--r--");
        assertThat(KeyFiles.readPublic(file)).isEqualTo(TestKeys.key(0).verifyingKey());
        Path bad = dir.resolve("bad.pub");
        Files.writeString(bad, "02" + "00".repeat(31) + "\n");
        assertThatThrownBy(() -> KeyFiles.readPublic(bad))
                .isInstanceOf(KeyFileException.class)
                .hasMessageContaining("valid Ed25519 point");
    }
}
