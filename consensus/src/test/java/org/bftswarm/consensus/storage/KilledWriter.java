package org.bftswarm.consensus.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a writer's main class in a child JVM, reads its acknowledgement lines ({@code PREFIX n}, printed
 * only once round n is durable) until n reaches a target, then kills it with SIGKILL mid-write.
 */
final class KilledWriter {
    private KilledWriter() {}

    /**
     * Returns the last acknowledged round (at least {@code target}, else the assertion fails with the child's output).
     */
    static long runUntilThenKill(Class<?> main, List<String> args, String prefix, long target) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(
                List.of(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(args);
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        long acknowledged = -1;
        StringBuilder other = new StringBuilder();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            String line;
            while (acknowledged < target && System.nanoTime() < deadline && (line = out.readLine()) != null) {
                if (line.startsWith(prefix)) {
                    acknowledged =
                            Long.parseLong(line.substring(prefix.length()).trim());
                } else if (other.length() < 4000) {
                    other.append(line).append('\n');
                }
            }
            child.destroyForcibly(); // SIGKILL on Linux
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(acknowledged)
                .as("child made progress; its other output:\n%s", other)
                .isGreaterThanOrEqualTo(target);
        return acknowledged;
    }
}
