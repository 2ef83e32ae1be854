package org.bftswarm.deploy.launcher;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts one node process in the background so that it outlives the CLI: in its own session
 * ({@code setsid}, so a Ctrl-C or a closed terminal does not reach it), stdin from /dev/null,
 * stdout and stderr appended to {@code D/logs/node-<i>.log}, its pid written to
 * {@code D/run/node-<i>.pid}. The command is {@link NodeCommandLine#build} with this JVM's java
 * and class path, in {@link NodeCommandLine#ENVIRONMENT}.
 */
public final class NodeSpawner {
    private final ClusterTarget target;
    private final PidFiles pidFiles;
    private final ByzantineAssignments byzantine;

    public NodeSpawner(ClusterTarget target) {
        this(target, ByzantineAssignments.none());
    }

    /** A spawner that starts the nodes named in {@code byzantine} with their {@code --byzantine} flags. */
    public NodeSpawner(ClusterTarget target, ByzantineAssignments byzantine) {
        this.target = target;
        this.pidFiles = new PidFiles(target.layout());
        this.byzantine = byzantine;
    }

    /** The command for node {@code id} (without the session wrapper), on a snapshot of this JVM's class path. */
    public List<String> command(int id) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = ClasspathSnapshot.of(
                System.getProperty("java.class.path"), target.layout().runDir());
        return NodeCommandLine.build(
                java,
                classPath,
                target.repoHome(),
                target.config().swarm(),
                id,
                target.configFile(),
                target.layout().dataDir(),
                byzantine.cliNames(id));
    }

    /** Starts node {@code id}; returns its pid (also written to its pid file). */
    public long start(int id) throws IOException {
        ClusterLayout layout = target.layout();
        Files.createDirectories(layout.logsDir());
        Files.createDirectories(layout.runDir());
        Files.createDirectories(layout.nodeDir(id));
        Path log = layout.logFile(id);
        List<String> command = command(id);
        Files.writeString(
                log,
                "=== " + Instant.now() + " bftswarm starts node " + id + ": " + String.join(" ", command)
                        + System.lineSeparator(),
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        List<String> detached = new ArrayList<>();
        if (setsidAvailable()) {
            detached.add("setsid");
        }
        detached.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(detached);
        builder.environment().putAll(NodeCommandLine.ENVIRONMENT);
        Process process = builder.directory(layout.nodeDir(id).toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectErrorStream(true)
                .start();
        long pid = process.pid();
        pidFiles.write(id, pid);
        return pid;
    }

    private static boolean setsidAvailable() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "setsid"))) {
                return true;
            }
        }
        return false;
    }
}
