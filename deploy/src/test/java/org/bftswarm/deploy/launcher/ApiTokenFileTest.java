package org.bftswarm.deploy.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiTokenFileTest {
    @TempDir
    Path dir;

    @Test
    void tokenIsMadeOnceOwnerOnlyAndKept() throws Exception {
        Path file = dir.resolve("data/api-token");
        String first = ApiTokenFile.ensure(file, new SecureRandom());
        String second = ApiTokenFile.ensure(file, new SecureRandom());
        assertThat(first).isEqualTo(second).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void missingTokenTellsTheUserToRunUp() {
        assertThatThrownBy(() -> ApiTokenFile.read(dir.resolve("none"))).hasMessageContaining("bftswarm up");
    }
}
