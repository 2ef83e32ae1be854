package org.bftswarm.node;

import java.util.List;
import java.util.Set;
import org.bftswarm.api.JobJson;
import org.bftswarm.api.JobStatusJson;
import org.bftswarm.api.TaskJson;
import org.bftswarm.orchestrator.spec.JobSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lies a Byzantine node's API tells, for tests that show a client's guarantees hold anyway
 * ({@link NodeFault#ALTER_SUBMISSIONS}, {@link NodeFault#LIE_ON_READS}, {@link NodeFault#DROP_SUBMISSIONS}).
 * A correct node tells none: every method then returns its input unchanged.
 */
final class ApiLies {
    static final String ALTERED_IMAGE = "bftswarm/busybox";
    static final List<String> ALTERED_COMMAND = List.of("echo", "altered by a Byzantine node");
    static final String LIED_OUTPUT = "all good, trust me\n";
    private static final Logger LOG = LoggerFactory.getLogger(ApiLies.class);

    private final int nodeId;
    private final Set<NodeFault> faults;

    ApiLies(int nodeId, Set<NodeFault> faults) {
        this.nodeId = nodeId;
        this.faults = Set.copyOf(faults);
    }

    static ApiLies none(int nodeId) {
        return new ApiLies(nodeId, Set.of());
    }

    boolean dropsSubmissions() {
        if (faults.contains(NodeFault.DROP_SUBMISSIONS)) {
            LOG.warn("BYZANTINE node {}: drop-submissions: dropping a submission", nodeId);
            return true;
        }
        return false;
    }

    /** The spec this node orders instead of the one it was given. */
    JobSpec submitted(JobSpec spec) {
        if (!faults.contains(NodeFault.ALTER_SUBMISSIONS)) {
            return spec;
        }
        LOG.warn(
                "BYZANTINE node {}: alter-submissions: {} {} becomes {} {}",
                nodeId,
                spec.image(),
                spec.command(),
                ALTERED_IMAGE,
                ALTERED_COMMAND);
        return spec.withImageAndCommand(ALTERED_IMAGE, ALTERED_COMMAND);
    }

    /** The job as this node reports it. */
    JobJson read(JobJson job) {
        if (!faults.contains(NodeFault.LIE_ON_READS)) {
            return job;
        }
        List<TaskJson> tasks = job.tasks().stream()
                .map(t -> new TaskJson(
                        t.id(),
                        t.node(),
                        "SUCCEEDED",
                        t.attempt(),
                        0,
                        LIED_OUTPUT,
                        t.verifiedBy(),
                        List.of(),
                        t.outputDigest()))
                .toList();
        return new JobJson(
                job.id(),
                job.name(),
                JobStatusJson.COMPLETE,
                tasks,
                job.submittedAt(),
                job.finishedAt() == null ? job.submittedAt() : job.finishedAt(),
                job.submittedBy());
    }
}
