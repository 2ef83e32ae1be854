package org.bftswarm.crypto.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CryptoBenchTest {
    @Test
    void benchMeasuresBothProvidersInOneRunAndEndsWithTheirRatio() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CryptoBench.Result result = CryptoBench.runMillis(40, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out.lines().filter(l -> l.startsWith("round "))).hasSize(2 * CryptoBench.ROUNDS);
        assertThat(result.providers())
                .extracting(CryptoBench.ProviderResult::provider)
                .containsExactly("aws-lc", "bouncycastle");
        for (CryptoBench.ProviderResult p : result.providers()) {
            assertThat(p.signOpsPerSecond()).isPositive();
            assertThat(p.verifyOpsPerSecond()).isPositive();
            assertThat(out).contains(p.line());
        }
        double[] ratio = result.nativeOverBc().orElseThrow();
        List<String> lines = out.lines().toList();
        assertThat(lines.get(lines.size() - 1))
                .isEqualTo(String.format(
                        Locale.ROOT, "BENCH crypto ratio_native_over_bc sign=%.2f verify=%.2f", ratio[0], ratio[1]));
    }
}
