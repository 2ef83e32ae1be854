package org.bftswarm.deploy.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bftswarm.crypto.Invariants;

/**
 * The command that starts node {@code i} of a cluster: the same java and class path as the running
 * CLI, the JVM flags embedded Hazelcast needs (it asks for some
 * {@code --add-opens}), a modest heap, and the main class {@link #MAIN_CLASS} with
 * {@code node --id i --config <abs> --data <abs>}. Pure: {@link #build} only assembles strings, so it is unit-tested.
 */
public final class NodeCommandLine {
    public static final String MAIN_CLASS = "org.bftswarm.deploy.Main";

    /** Flags Hazelcast 5 asks for on Java 17 (module access for its internals and metrics). */
    public static final List<String> HAZELCAST_FLAGS = List.of(
            "--add-modules", "java.se",
            "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.management/sun.management=ALL-UNNAMED",
            "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED");

    /**
     * A modest heap with a small fixed young generation, given back when mostly free: an idle node's
     * live heap is about 35 MiB, and a 21 MiB eden that filled up between collections was resident for
     * nothing. With the code cache and allocator flags below, an idle node's RSS went from 200 to about
     * 190 MB (`bench idle --nodes 10`).
     */
    public static final List<String> HEAP_FLAGS = List.of(
            "-Xms64m", "-Xmx256m", "-Xmn16m", "-XX:+UseSerialGC", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30");

    /**
     * Node JVMs compile with C1 only. A node's work is mostly waiting (HTTP, Docker, a few ordered
     * operations per task), while C2 spent ~6 s of CPU per node in its first minute and kept compiling
     * under load, which on a 2-core machine running n nodes and the Docker engine took CPU from the
     * tasks: `bench tasks --tasks 100 --parallel 8` went from 6.15-6.82 to 7.36-8.04 tasks/s (cold and
     * warm cluster, same session). The consensus bench's replica JVMs keep the default. One compiler
     * thread (a node is never waiting on compilation, and two of them woke up on every burst of new
     * methods) and a 32 MiB code cache (C1 code of an idle node is about 8 MiB; the default reserves 48).
     */
    public static final List<String> JIT_FLAGS =
            List.of("-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:ReservedCodeCacheSize=32m");

    /**
     * Environment of a node process: at most two glibc malloc arenas. The JVM's own native allocations
     * (compiler, NIO buffers, class loading) from many threads otherwise spread over up to 8 arenas per
     * core, each resident once touched.
     */
    public static final Map<String, String> ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    /** Marker system property naming the swarm and node, so {@code ps} (and we) can recognise the process. */
    public static final String NODE_MARKER_PROPERTY = "bftswarm.node";

    private NodeCommandLine() {}

    /**
     * @param javaExecutable path of the java binary
     * @param classPath      the class path to run with
     * @param repoHome       the bftswarm checkout (passed on as {@code -Dbftswarm.home}), or null
     * @param swarm          the swarm name (for the marker property only)
     * @param nodeId         the node id, 0..n-1
     * @param configFile     absolute path of the cluster configuration
     * @param dataDir        absolute path of the cluster data directory
     */
    public static List<String> build(
            String javaExecutable,
            String classPath,
            Path repoHome,
            String swarm,
            int nodeId,
            Path configFile,
            Path dataDir) {
        return build(javaExecutable, classPath, repoHome, swarm, nodeId, configFile, dataDir, List.of());
    }

    /**
     * The same command, with {@code --byzantine B} appended for each behaviour name in
     * {@code byzantine} (for test clusters; the node refuses them unless its configuration allows).
     */
    public static List<String> build(
            String javaExecutable,
            String classPath,
            Path repoHome,
            String swarm,
            int nodeId,
            Path configFile,
            Path dataDir,
            List<String> byzantine) {
        Invariants.check(configFile.isAbsolute(), "config path must be absolute: %s", configFile);
        Invariants.check(dataDir.isAbsolute(), "data path must be absolute: %s", dataDir);
        Invariants.check(nodeId >= 0, "node id %d < 0", nodeId);
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable);
        cmd.addAll(HEAP_FLAGS);
        cmd.addAll(JIT_FLAGS);
        cmd.addAll(HAZELCAST_FLAGS);
        cmd.add("-D" + NODE_MARKER_PROPERTY + "=" + swarm + "/" + nodeId);
        if (repoHome != null) {
            cmd.add("-Dbftswarm.home=" + repoHome);
        }
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(MAIN_CLASS);
        cmd.addAll(List.of(
                "node",
                "--id",
                Integer.toString(nodeId),
                "--config",
                configFile.toString(),
                "--data",
                dataDir.toString()));
        for (String behaviour : byzantine) {
            cmd.add("--byzantine");
            cmd.add(behaviour);
        }
        return List.copyOf(cmd);
    }

    /**
     * Whether a process command line (arguments as {@code /proc/<pid>/cmdline} gives them) is node
     * {@code nodeId} of the cluster whose data lives in {@code dataDir}: guards against signalling
     * an unrelated process that reused a stale pid.
     */
    public static boolean isNodeCommand(List<String> args, int nodeId, Path dataDir) {
        int main = args.indexOf(MAIN_CLASS);
        if (main < 0 || main + 1 >= args.size() || !args.get(main + 1).equals("node")) {
            return false;
        }
        List<String> rest = args.subList(main + 2, args.size());
        return optionValue(rest, "--id").equals(Integer.toString(nodeId))
                && optionValue(rest, "--data").equals(dataDir.toString());
    }

    private static String optionValue(List<String> args, String name) {
        int at = args.indexOf(name);
        return at >= 0 && at + 1 < args.size() ? args.get(at + 1) : "";
    }
}
