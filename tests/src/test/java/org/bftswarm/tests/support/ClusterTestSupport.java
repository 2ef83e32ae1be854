package org.bftswarm.tests.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** What the real-cluster suites (end-to-end, failover) share: bounded waits, the checkout, Docker preconditions. */
public final class ClusterTestSupport {
    private ClusterTestSupport() {}

    /** Polls {@code condition} every {@code poll} until it holds; fails with {@code what} after {@code timeout}. */
    public static void await(String what, Duration timeout, Duration poll, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(poll.toMillis());
        }
    }

    /** The bftswarm checkout the tests run in (the directory holding scripts/ensure-docker.sh). */
    public static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            if (Files.isRegularFile(p.resolve("scripts/ensure-docker.sh"))) {
                return p;
            }
            p = p.getParent();
        }
        throw new IllegalStateException(
                "cannot find the bftswarm checkout above " + Path.of("").toAbsolutePath());
    }

    /** Docker and {@code image} are prepared by `./bftswarm test`; without them {@code suite} fails, loudly. */
    public static void requireDockerAndImage(String suite, String image) throws IOException {
        try {
            Process p = new ProcessBuilder("docker", "image", "inspect", image)
                    .redirectErrorStream(true)
                    .start();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError(suite + " need a running Docker engine and the image " + image
                        + " (run them with ./bftswarm test, which prepares both): " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
