package org.bftswarm.crypto.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CryptoBenchTest {
    @Test
    void benchPrintsFiveRoundsAndAFinalBenchLineWithTheMedians() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CryptoBench.Result result = CryptoBench.runMillis(40, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out.lines().filter(l -> l.startsWith("round "))).hasSize(5);
        assertThat(result.signOpsPerSecond()).isPositive();
        assertThat(result.verifyOpsPerSecond()).isPositive();
        assertThat(out.lines().reduce((a, b) -> b).orElseThrow())
                .isEqualTo(String.format(
                        java.util.Locale.ROOT,
                        "BENCH crypto sign_ops_per_s=%.0f verify_ops_per_s=%.0f",
                        result.signOpsPerSecond(),
                        result.verifyOpsPerSecond()));
    }
}
