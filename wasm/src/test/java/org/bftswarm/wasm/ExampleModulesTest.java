package org.bftswarm.wasm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The example modules under {@code examples/wasm} are committed twice, as text and as binary (so the
 * CLI, the bench and the README need no WebAssembly tool at run time): each binary is what its text
 * compiles to. {@code -Dbftswarm.writeExamples=true} rewrites the binaries.
 */
class ExampleModulesTest {
    private static final Path EXAMPLES = Path.of("..", "examples", "wasm");

    @Test
    void everyCommittedBinaryIsWhatItsTextCompilesTo() throws IOException {
        List<Path> texts;
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            texts = files.filter(p -> p.toString().endsWith(".wat")).sorted().toList();
        }
        assertThat(texts).isNotEmpty();
        for (Path wat : texts) {
            byte[] compiled = Wat.wasm(Files.readString(wat));
            Path binary = Path.of(wat.toString().replaceAll("\\.wat$", ".wasm"));
            if (Boolean.getBoolean("bftswarm.writeExamples")) {
                Files.write(binary, compiled);
            }
            assertThat(binary)
                    .as("%s (rewrite with -Dbftswarm.writeExamples=true)", binary)
                    .exists();
            assertThat(Files.readAllBytes(binary)).as("%s", binary).isEqualTo(compiled);
        }
    }
}
