package org.bftswarm.deploy.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.bftswarm.crypto.KeyFileException;
import org.bftswarm.crypto.KeyFiles;
import org.bftswarm.crypto.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ClientKeyFiles}: where client keys live, how they load, and which one the CLI signs with. */
class ClientKeyFilesTest {
    @TempDir
    Path dir;

    private ClusterLayout layout() {
        return new ClusterLayout(dir.toAbsolutePath());
    }

    @Test
    void aClientsKeyLivesUnderTheDataDirectoryByName() {
        assertThat(ClientKeyFiles.defaultPath(layout(), "alice")).isEqualTo(dir.resolve("clients/alice.key"));
        assertThat(ClientKeyFiles.publicPathFor(dir.resolve("clients/alice.key")))
                .isEqualTo(dir.resolve("clients/alice.pub"));
        assertThat(ClientKeyFiles.publicPathFor(dir.resolve("alice"))).isEqualTo(dir.resolve("alice.pub"));
    }

    @Test
    void aLoadedKeyIsNamedAfterItsFileAndMatchesItsPublicKey() throws IOException {
        Path file = dir.resolve("alice.key");
        SigningKey made = ClientKeyFiles.create(file, new SecureRandom());
        ClientKey loaded = ClientKeyFiles.load(file);
        assertThat(loaded.name()).isEqualTo("alice");
        assertThat(loaded.key().verifyingKey()).isEqualTo(made.verifyingKey());
        assertThat(KeyFiles.readPublic(dir.resolve("alice.pub"))).isEqualTo(made.verifyingKey());
    }

    @Test
    void aGroupReadableKeyIsRefusedWithTheChmodFix() throws IOException {
        Path file = dir.resolve("alice.key");
        ClientKeyFiles.create(file, new SecureRandom());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        assertThatThrownBy(() -> ClientKeyFiles.load(file))
                .isInstanceOf(KeyFileException.class)
                .hasMessageContaining("chmod 600 " + file);
    }

    @Test
    void aKeyFileWhoseNameIsNoClientNameIsRefused() throws IOException {
        Path file = dir.resolve("Alice.key");
        ClientKeyFiles.create(file, new SecureRandom());
        assertThatThrownBy(() -> ClientKeyFiles.load(file)).hasMessageContaining("not a client name");
    }

    @Test
    void theLocalAdminKeyIsMadeOnceAndNeverReplaced() throws IOException {
        assertThat(ClientKeyFiles.ensureAdmin(layout(), new SecureRandom())).isTrue();
        String first = Files.readString(ClientKeyFiles.adminKey(layout()));
        assertThat(ClientKeyFiles.ensureAdmin(layout(), new SecureRandom())).isFalse();
        assertThat(Files.readString(ClientKeyFiles.adminKey(layout()))).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ClientKeyFiles.adminKey(layout()))))
                .isEqualTo("rw-------");
    }

    @Test
    void aMissingAdminPublicKeyIsRewrittenFromThePrivateKey() throws IOException {
        ClientKeyFiles.ensureAdmin(layout(), new SecureRandom());
        Path pub = ClientKeyFiles.publicPathFor(ClientKeyFiles.adminKey(layout()));
        String hex = KeyFiles.readPublic(pub).hex();
        Files.delete(pub);
        assertThat(ClientKeyFiles.ensureAdmin(layout(), new SecureRandom())).isFalse();
        assertThat(KeyFiles.readPublic(pub).hex()).isEqualTo(hex);
    }

    @Test
    void theCliSignsWithTheGivenKeyElseTheLocalAdminKeyElseNone() throws IOException {
        Path given = dir.resolve("bob.key");
        assertThat(ClientKeyFiles.choose(null, layout())).isEmpty();
        ClientKeyFiles.ensureAdmin(layout(), new SecureRandom());
        assertThat(ClientKeyFiles.choose(null, layout())).contains(ClientKeyFiles.adminKey(layout()));
        assertThat(ClientKeyFiles.choose(given, layout())).contains(given);
    }
}
