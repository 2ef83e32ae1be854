package org.bftswarm.worker.agent;

import java.util.Map;
import java.util.TreeMap;
import org.bftswarm.orchestrator.spec.ContainerHardening;
import org.bftswarm.orchestrator.spec.DataSpec;
import org.bftswarm.orchestrator.spec.JobSpec;
import org.bftswarm.orchestrator.spec.ShardRange;
import org.bftswarm.orchestrator.view.Assignment;
import org.bftswarm.worker.Confinement;
import org.bftswarm.worker.TaskLaunch;
import org.bftswarm.worker.WasmShard;

/**
 * The launch of an assignment, computed from the replicated spec alone: the job's container as
 * specified; for a shard of a data job also {@value #SHARD_INDEX} and {@value #SHARD_COUNT} in the
 * environment and its slice (one element per line) on stdin; for a WebAssembly job the module run
 * over the shard's elements instead of a container. Task {@code <job>.<i>} is shard {@code i} of
 * {@code count}. The container is confined as the spec's hardening options say.
 */
final class LaunchPlan {
    static final String SHARD_INDEX = "BFTSWARM_SHARD_INDEX";
    static final String SHARD_COUNT = "BFTSWARM_SHARD_COUNT";

    private LaunchPlan() {}

    /** The launch of {@code a} on node {@code nodeId}; IllegalArgumentException for an unlaunchable spec. */
    static TaskLaunch of(String swarm, int nodeId, Assignment a) {
        JobSpec s = a.spec();
        if (!s.hasData()) {
            return new TaskLaunch(
                    swarm,
                    nodeId,
                    a.taskId(),
                    a.attempt(),
                    s.image(),
                    s.command(),
                    s.env(),
                    s.cpus(),
                    s.memoryMb(),
                    s.timeoutSeconds(),
                    s.network(),
                    null,
                    null,
                    confinement(s));
        }
        DataSpec data = s.data();
        int index = shardIndex(a.taskId());
        ShardRange range = data.range(s.count(), index);
        Map<String, String> env = new TreeMap<>(s.env());
        env.put(SHARD_INDEX, String.valueOf(index));
        env.put(SHARD_COUNT, String.valueOf(s.count()));
        WasmShard wasm = data.isWasm()
                ? new WasmShard(
                        data.moduleBytes(),
                        data.entry(),
                        data.values(range),
                        !data.fitsI32(),
                        data.fuel(),
                        data.memoryPages())
                : null;
        return new TaskLaunch(
                swarm,
                nodeId,
                a.taskId(),
                a.attempt(),
                s.image(),
                s.command(),
                env,
                s.cpus(),
                s.memoryMb(),
                s.timeoutSeconds(),
                s.network(),
                data.isWasm() ? null : data.stdin(range),
                wasm,
                confinement(s));
    }

    /** The container confinement a spec asks for, its absent options at their defaults. */
    static Confinement confinement(JobSpec s) {
        ContainerHardening h = ContainerHardening.normalized(s.hardening());
        return new Confinement(h.pids(), h.user(), Boolean.TRUE.equals(h.readOnlyRootfs()));
    }

    /** The shard index of task {@code <job>.<index>}. */
    static int shardIndex(String taskId) {
        int dot = taskId.lastIndexOf('.');
        try {
            return Integer.parseInt(taskId.substring(dot + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("task id " + taskId + " does not end in a shard index", e);
        }
    }
}
