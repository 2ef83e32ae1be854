package org.bftswarm.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The simulation's embedded modules are byte for byte the committed example binaries. */
class SimModulesTest {

    private static byte[] example(String name) throws IOException {
        return Files.readAllBytes(Path.of("..", "examples", "wasm", name));
    }

    @Test
    void theEmbeddedModulesEqualTheCommittedExampleBinaries() throws IOException {
        assertThat(SimModules.sum()).isEqualTo(example("sum.wasm"));
        assertThat(SimModules.sum64()).isEqualTo(example("sum64.wasm"));
    }
}
