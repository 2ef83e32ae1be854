package org.bftswarm.worker;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("docker")
class DockerClientsTest {
    @TempDir
    Path dir;

    @Test
    void unreachableEngineFailsWithAClearMessage() {
        DockerClient docker = DockerClients.create("unix://" + dir.resolve("no-such-docker.sock"));
        assertThatThrownBy(() -> DockerClients.requireReachable(docker))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Docker engine unreachable");
    }
}
