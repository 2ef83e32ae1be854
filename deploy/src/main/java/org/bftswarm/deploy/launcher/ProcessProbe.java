package org.bftswarm.deploy.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Looks at live processes: is the pid in a node's pid file still that node (not a dead process,
 * not a zombie, not an unrelated process that reused the pid), and is it stopped (paused with
 * SIGSTOP)? Reads {@code /proc/<pid>/cmdline} and {@code /proc/<pid>/stat} on Linux and falls
 * back to {@link ProcessHandle} elsewhere.
 */
public final class ProcessProbe {

    /** What a node's pid file says about the node. */
    public enum NodeProcess {
        RUNNING,
        PAUSED,
        NOT_RUNNING
    }

    private final ClusterLayout layout;
    private final PidFiles pidFiles;

    public ProcessProbe(ClusterLayout layout) {
        this.layout = layout;
        this.pidFiles = new PidFiles(layout);
    }

    /** The pid of node {@code id} when its pid file names a live process that is that node. */
    public OptionalLong livePid(int id) {
        OptionalLong pid = pidFiles.read(id);
        if (pid.isEmpty() || !isNode(pid.getAsLong(), id)) {
            return OptionalLong.empty();
        }
        return pid;
    }

    public NodeProcess state(int id) {
        OptionalLong pid = livePid(id);
        if (pid.isEmpty()) {
            return NodeProcess.NOT_RUNNING;
        }
        return statField(pid.getAsLong()).filter(s -> s == 'T' || s == 't').isPresent()
                ? NodeProcess.PAUSED
                : NodeProcess.RUNNING;
    }

    /** Whether {@code pid} is alive (and not a zombie) and runs node {@code id} of this cluster. */
    public boolean isNode(long pid, int id) {
        if (!isAlive(pid)) {
            return false;
        }
        return commandLine(pid)
                .map(args -> NodeCommandLine.isNodeCommand(args, id, layout.dataDir()))
                .orElse(false);
    }

    public static boolean isAlive(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return false;
        }
        // A zombie is dead; but the thread-group leader shows 'Z' as soon as it has exited while the
        // other threads are still being torn down (sockets still open), so count those too.
        return statField(pid)
                .map(s -> (s != 'Z' && s != 'X') || threadCount(pid) > 1)
                .orElse(true);
    }

    /** Entries of {@code /proc/<pid>/task} (1 for a zombie whose threads are all gone), 0 when unreadable. */
    static long threadCount(long pid) {
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return tasks.count();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static Optional<List<String>> commandLine(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid), "cmdline");
        if (Files.isReadable(proc)) {
            try {
                String raw = Files.readString(proc, StandardCharsets.UTF_8);
                return Optional.of(splitCmdline(raw));
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return ProcessHandle.of(pid).flatMap(h -> h.info().arguments()).map(Arrays::asList);
    }

    /** Splits {@code /proc/<pid>/cmdline} text (NUL-separated, NUL-terminated) into arguments. */
    static List<String> splitCmdline(String raw) {
        if (raw.isEmpty()) {
            return List.of();
        }
        String trimmed = raw.endsWith("\0") ? raw.substring(0, raw.length() - 1) : raw;
        return List.of(trimmed.split("\0", -1));
    }

    /** The state letter of {@code /proc/<pid>/stat} (R, S, D, T, Z, …), when readable. */
    static Optional<Character> statField(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
            return parseStatState(stat);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The state letter after the parenthesised command name of a {@code /proc/<pid>/stat} line. */
    static Optional<Character> parseStatState(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0 || close + 2 >= stat.length()) {
            return Optional.empty();
        }
        return Optional.of(stat.charAt(close + 2));
    }
}
