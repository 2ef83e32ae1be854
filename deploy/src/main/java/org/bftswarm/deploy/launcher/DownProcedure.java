package org.bftswarm.deploy.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * {@code bftswarm down}: SIGTERM to every node (after SIGCONT, so a paused node
 * can act on it), a bounded wait, SIGKILL for the ones left; then, when the configuration says
 * {@code cleanup: true}, force-removes every container labelled with the swarm; {@code --purge}
 * also deletes the data directory (keys, token, state, logs).
 */
public final class DownProcedure {
    private final ClusterTarget target;
    private final PrintWriter out;
    private final PrintWriter err;

    public DownProcedure(ClusterTarget target, PrintWriter out, PrintWriter err) {
        this.target = target;
        this.out = out;
        this.err = err;
    }

    public int run(long graceMillis, boolean purge) throws IOException, InterruptedException {
        ProcessProbe processes = new ProcessProbe(target.layout());
        PidFiles pidFiles = new PidFiles(target.layout());
        Map<Integer, Long> stopping = new LinkedHashMap<>();
        for (int id = 0; id < target.config().n(); id++) {
            OptionalLong pid = processes.livePid(id);
            if (pid.isPresent()) {
                Signals.send(pid.getAsLong(), Signals.Signal.CONT);
                Signals.send(pid.getAsLong(), Signals.Signal.TERM);
                stopping.put(id, pid.getAsLong());
            }
        }
        out.printf("swarm %s: stopping %d running node(s)%n", target.config().swarm(), stopping.size());
        int code = 0;
        long deadline = System.nanoTime() + graceMillis * 1_000_000L;
        for (Map.Entry<Integer, Long> e : stopping.entrySet()) {
            long left = Math.max(0, (deadline - System.nanoTime()) / 1_000_000L);
            if (Signals.awaitExit(e.getValue(), left)) {
                out.printf("  node %d (pid %d) stopped%n", e.getKey(), e.getValue());
            } else {
                Signals.send(e.getValue(), Signals.Signal.KILL);
                boolean gone = Signals.awaitExit(e.getValue(), 5_000);
                out.printf(
                        "  node %d (pid %d) did not stop within %d ms: %s%n",
                        e.getKey(),
                        e.getValue(),
                        graceMillis,
                        gone ? "killed (SIGKILL)" : "STILL RUNNING after SIGKILL");
                if (!gone) {
                    code = 1;
                }
            }
        }
        for (int id = 0; id < target.config().n(); id++) {
            if (processes.livePid(id).isEmpty()) {
                pidFiles.delete(id);
            }
        }
        if (code == 0) {
            removeClasspathSnapshots(target.layout().runDir());
        }
        out.flush();
        if (target.config().cleanup()) {
            try {
                int removed = new DockerCli().removeSwarm(target.config().swarm());
                out.printf(
                        "removed %d container(s) labelled %s=%s%n",
                        removed, DockerCli.SWARM_LABEL, target.config().swarm());
            } catch (IOException e) {
                err.printf("bftswarm down: could not remove the swarm's containers: %s%n", e.getMessage());
                code = 1;
            }
        }
        if (purge) {
            if (code != 0) {
                err.println("bftswarm down: not purging the data directory while nodes or containers are left");
            } else {
                deleteTree(target.layout().dataDir());
                out.printf("deleted %s%n", target.layout().dataDir());
            }
        }
        out.flush();
        err.flush();
        return code;
    }

    /** The class path copies made by {@link ClasspathSnapshot} are only needed while nodes run. */
    private static void removeClasspathSnapshots(Path runDir) throws IOException {
        if (!Files.isDirectory(runDir)) {
            return;
        }
        try (var entries = Files.list(runDir)) {
            for (Path p : entries.filter(e -> e.getFileName().toString().startsWith("classpath-"))
                    .toList()) {
                deleteTree(p);
            }
        }
    }

    /** Deletes a directory tree; refuses the file system root and the home directory. */
    static void deleteTree(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        if (abs.getParent() == null
                || abs.equals(Path.of(System.getProperty("user.home"))
                        .toAbsolutePath()
                        .normalize())) {
            throw new IOException("refusing to delete " + abs);
        }
        if (!Files.exists(abs)) {
            return;
        }
        Files.walkFileTree(abs, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
