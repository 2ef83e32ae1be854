package org.bftswarm.deploy.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.bftswarm.crypto.KeyDirectory;

/**
 * {@code bftswarm up}: makes the node keys, the API token and the local admin client key
 * ({@code <dataDir>/clients/admin.key}, see {@link ClientKeyFiles}) once, makes sure
 * Docker and the local task images are there ({@code scripts/ensure-docker.sh}), starts every node
 * that is not already running in the background, waits (bounded) until {@link Readiness} holds,
 * and prints the node table. On a failure it prints the tail of the failing node's log.
 */
public final class UpProcedure {
    static final String ENSURE_DOCKER = "scripts/ensure-docker.sh";
    static final int LOG_TAIL_LINES = 40;
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    private final ClusterTarget target;
    private final PrintWriter out;
    private final PrintWriter err;
    private final ByzantineAssignments byzantine;

    public UpProcedure(ClusterTarget target, PrintWriter out, PrintWriter err) {
        this(target, out, err, ByzantineAssignments.none());
    }

    /** An {@code up} that starts the nodes named in {@code byzantine} with their Byzantine behaviours. */
    public UpProcedure(ClusterTarget target, PrintWriter out, PrintWriter err, ByzantineAssignments byzantine) {
        this.target = target;
        this.out = out;
        this.err = err;
        this.byzantine = byzantine;
    }

    /** Runs {@code up}; returns the exit code (0 up and ready, 1 failed). */
    public int run(Duration timeout, boolean checkDocker) throws IOException, InterruptedException {
        ClusterLayout layout = target.layout();
        Files.createDirectories(layout.dataDir());
        SecureRandom random = new SecureRandom();
        if (target.config().configuredNodeKeys().isPresent()) {
            String problem = ConfiguredNodeKeys.problem(target);
            if (problem != null) {
                err.println("bftswarm up: " + problem);
                return 1;
            }
        } else {
            KeyDirectory.at(layout.keysDir()).ensureNodes(target.config().n(), random);
        }
        ApiTokenFile.ensure(layout.tokenFile(), random);
        boolean madeAdminKey = ClientKeyFiles.ensureAdmin(layout, random);
        if (checkDocker && !ensureDocker()) {
            return 1;
        }
        out.printf(
                "swarm %s: %d nodes (f = %d), data in %s%n",
                target.config().swarm(), target.config().n(), target.config().f(), layout.dataDir());
        if (madeAdminKey) {
            out.printf(
                    "  created the local admin client key %s (every node registers %s as client admin;"
                            + " the CLI signs with it by default)%n",
                    ClientKeyFiles.adminKey(layout),
                    ClientKeyFiles.publicPathFor(ClientKeyFiles.adminKey(layout))
                            .getFileName());
        }
        ProcessProbe processes = new ProcessProbe(layout);
        long catchUpTo = alreadyExecuted(processes);
        NodeSpawner spawner = new NodeSpawner(target, byzantine);
        for (int id = 0; id < target.config().n(); id++) {
            OptionalLong running = processes.livePid(id);
            if (running.isPresent()) {
                out.printf("  node %d is already running (pid %d); not starting it again%n", id, running.getAsLong());
                if (!byzantine.of(id).isEmpty()) {
                    err.printf(
                            "bftswarm up: node %d keeps running as it is; --byzantine %s NOT applied to it%n",
                            id, String.join(",", byzantine.cliNames(id)));
                }
            } else {
                long pid = spawner.start(id);
                out.printf(
                        "  started node %d (pid %d), log %s%s%n",
                        id,
                        pid,
                        layout.logFile(id),
                        byzantine.of(id).isEmpty() ? "" : " BYZANTINE: " + String.join(",", byzantine.cliNames(id)));
            }
        }
        out.flush();
        boolean ready = awaitReady(timeout, catchUpTo);
        out.println();
        out.print(new ClusterInspector(target).inspect().render());
        if (ready) {
            out.printf("%nAPI token: %s (send as Authorization: Bearer <token>)%n", layout.tokenFile());
            out.printf("Next: ./bftswarm submit --image bftswarm/busybox --wait -- echo hello%n");
        }
        out.flush();
        return ready ? 0 : 1;
    }

    /** Polls every node until the cluster is ready, a node dies, or the deadline passes. */
    boolean awaitReady(Duration timeout, long catchUpTo) throws InterruptedException {
        ClusterInspector inspector = new ClusterInspector(target);
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        String lastSummary = "";
        long lastPrint = 0;
        out.printf(
                "waiting up to %d s for every node's /healthz and a quorum to order the first operation%n",
                timeout.toSeconds());
        while (true) {
            List<NodeProbe> probes = new ArrayList<>();
            for (int id = 0; id < target.config().n(); id++) {
                probes.add(inspector.probe(id));
            }
            Readiness readiness = new Readiness(probes, target.config().quorum(), catchUpTo);
            long now = System.nanoTime();
            long elapsedS = Duration.ofNanos(now - start).toSeconds();
            if (!readiness.summary().equals(lastSummary) || now - lastPrint >= PROGRESS_EVERY.toNanos()) {
                out.printf("  [%3d s] %s%n", elapsedS, readiness.summary());
                out.flush();
                lastSummary = readiness.summary();
                lastPrint = now;
            }
            if (readiness.ready()) {
                out.printf("cluster ready after %d s%n", elapsedS);
                return true;
            }
            if (readiness.deadNode().isPresent()) {
                int id = readiness.deadNode().get().id();
                err.printf(
                        "bftswarm up: node %d exited while starting. Last lines of %s:%n",
                        id, target.layout().logFile(id));
                printTail(id);
                return false;
            }
            if (now >= deadline) {
                int id = readiness.laggard().map(NodeProbe::id).orElse(0);
                err.printf(
                        "bftswarm up: the cluster was not ready after %d s (%s); node %d is behind."
                                + " Last lines of %s:%n",
                        timeout.toSeconds(),
                        readiness.summary(),
                        id,
                        target.layout().logFile(id));
                printTail(id);
                err.println(
                        "The nodes that started are left running: `./bftswarm status` to look, `./bftswarm down` to stop.");
                err.flush();
                return false;
            }
            Thread.sleep(250);
        }
    }

    /** The highest sequence number the nodes that already run have executed (0 when none runs). */
    private long alreadyExecuted(ProcessProbe processes) {
        ClusterInspector inspector = new ClusterInspector(target);
        long max = 0;
        for (int id = 0; id < target.config().n(); id++) {
            if (processes.livePid(id).isPresent()) {
                max = Math.max(max, inspector.probe(id).lastExecuted());
            }
        }
        return max;
    }

    private void printTail(int id) {
        for (String line : LogTail.lastLines(target.layout().logFile(id), LOG_TAIL_LINES)) {
            err.println("  | " + line);
        }
        err.flush();
    }

    /** Runs the foundation script that starts Docker if needed and builds missing task images. */
    private boolean ensureDocker() throws IOException, InterruptedException {
        Path script = target.repoHome().resolve(ENSURE_DOCKER);
        if (!Files.isRegularFile(script)) {
            err.printf(
                    "bftswarm up: %s not found (set BFTSWARM_HOME to the bftswarm checkout); assuming Docker is ready%n",
                    script);
            return true;
        }
        Process p = new ProcessBuilder("bash", script.toString())
                .directory(target.repoHome().toFile())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                err.println(line);
                err.flush();
            }
        }
        int code = p.waitFor();
        if (code != 0) {
            err.printf(
                    "bftswarm up: %s failed (exit %d); Docker and the task images are needed%n", ENSURE_DOCKER, code);
        }
        return code == 0;
    }
}
