package org.bftswarm.consensus.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One {@link ReplicaMain} child JVM and what it printed: the latest {@code STATUS} fields, and the
 * last lines of its output (bounded) for assertions and failure messages.
 */
public final class ReplicaProcess {
    private static final int KEPT_LINES = 2_000;

    private final int id;
    private final Process process;
    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private volatile Map<String, String> status = Map.of();

    ReplicaProcess(int id, List<String> command) throws IOException {
        this.id = id;
        this.process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread reader = new Thread(this::readOutput, "replica-" + id + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    private void readOutput() {
        try (BufferedReader r =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("STATUS ")) {
                    Map<String, String> fields = new HashMap<>();
                    for (String part : line.substring(7).split(" ")) {
                        int eq = part.indexOf('=');
                        if (eq > 0) {
                            fields.put(part.substring(0, eq), part.substring(eq + 1));
                        }
                    }
                    status = fields;
                    continue;
                }
                synchronized (lines) {
                    if (lines.size() >= KEPT_LINES) {
                        lines.pollFirst();
                    }
                    lines.addLast(line);
                }
            }
        } catch (IOException closed) {
            // the process died; its output ends here
        }
    }

    public int id() {
        return id;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Latest STATUS field ({@code view}, {@code executed}, {@code stable}, {@code digest}, ...) or null. */
    public String status(String field) {
        return status.get(field);
    }

    public long statusLong(String field) {
        String v = status.get(field);
        return v == null ? -1 : Long.parseLong(v);
    }

    /** True if a non-STATUS line starting with {@code prefix} was printed. */
    public boolean printed(String prefix) {
        synchronized (lines) {
            return lines.stream().anyMatch(l -> l.startsWith(prefix));
        }
    }

    public List<String> output() {
        synchronized (lines) {
            return new ArrayList<>(lines);
        }
    }

    /** SIGKILL and wait for the process to be gone. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM (runs the replica's shutdown hook), then SIGKILL if it lingers. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            kill9();
        }
    }

    /** CPU time the process has used so far (user + system), or -1 if the OS does not say. */
    public long cpuNanos() {
        return process.toHandle()
                .info()
                .totalCpuDuration()
                .map(Duration::toNanos)
                .orElse(-1L);
    }

    public long pid() {
        return process.pid();
    }
}
