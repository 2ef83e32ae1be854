package org.bftswarm.orchestrator;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.bftswarm.orchestrator.ops.CancelJob;
import org.bftswarm.orchestrator.ops.Reply;
import org.bftswarm.orchestrator.ops.ReplyCode;
import org.bftswarm.orchestrator.ops.SubmitJob;
import org.bftswarm.orchestrator.spec.JobSpec;
import org.bftswarm.orchestrator.spec.JobSpecValidator;

/**
 * SubmitJob and CancelJob. Job ids come from the replicated job counter
 * ({@code job-<n>}) unless the client names the job itself, which makes a retransmitted submission
 * idempotent. A job may be cancelled by its submitter; a job submitted through a node's API (a node
 * principal) may be cancelled through any node's API. A submission whose worst case would not fit the
 * {@link StateBudget} is refused, so the state never outgrows what state transfer can carry. A mine job's
 * header takes the chain head and the batch time where the spec leaves them out, and its units are
 * issued by {@link MineSearch}. Rejections change nothing.
 */
final class JobCommands {

    static final Pattern CLIENT_JOB_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final Pattern GENERATED_JOB_ID = Pattern.compile("job-[0-9]+");

    private final SchedulerState state;
    private final TaskLifecycle lifecycle;
    private final NodePrincipals principals;

    JobCommands(SchedulerState state, TaskLifecycle lifecycle, NodePrincipals principals) {
        this.state = state;
        this.lifecycle = lifecycle;
        this.principals = principals;
    }

    Reply submit(int clientId, SubmitJob op) {
        return submit(Requester.consensusClient(clientId), op);
    }

    /**
     * A submission by {@code who}: bearer-token submissions (a node's API pool) are refused when the
     * client policy turns tokens off; the job records who submitted it and, if signed, its owner.
     */
    Reply submit(Requester who, SubmitJob op) {
        int clientId = who.clientId();
        if (!who.signed()
                && !state.config.clientPolicy().allowToken()
                && NodePrincipals.apiPoolOwner(clientId, principals.clusterSize())
                        .isPresent()) {
            return Reply.rejected(
                    ReplyCode.FORBIDDEN, "bearer-token submissions are turned off (api.allowToken: false)");
        }
        String requestedId = op.jobId();
        if (requestedId != null
                && (!CLIENT_JOB_ID.matcher(requestedId).matches()
                        || GENERATED_JOB_ID.matcher(requestedId).matches())) {
            return Reply.invalid(List.of(
                    "jobId: must match " + CLIENT_JOB_ID.pattern() + " and not look like a generated id job-<number>"));
        }
        List<String> errors = JobSpecValidator.validate(op.spec());
        if (!errors.isEmpty()) {
            return Reply.invalid(errors);
        }
        JobSpec normalized = op.spec().normalized();
        JobSpec verified = normalized.verification() == null
                ? normalized.withVerification(state.config.defaultVerification())
                : normalized;
        JobSpec spec = verified.hasData()
                ? withResolvedShards(verified)
                : verified.hasMine()
                        ? verified.withMine(verified.mine().resolved(state.chainHead(), state.clockMillis / 1000))
                        : verified;
        String unplaceable = quorumOutOfReach(spec);
        if (unplaceable != null) {
            return Reply.invalid(List.of(unplaceable));
        }
        if (requestedId != null && state.jobs.containsKey(requestedId)) {
            JobRecord existing = state.jobs.get(requestedId);
            boolean sameSubmitter = who.signed()
                    ? who.client().equals(existing.owner)
                    : existing.owner == null && existing.submitter == clientId;
            if (sameSubmitter && existing.spec.equals(spec)) {
                return Reply.okJob(ReplyCode.JOB_EXISTS, requestedId);
            }
            return Reply.rejected(ReplyCode.CONFLICT, "job " + requestedId + " already exists");
        }
        String tooLarge = StateBudget.refusal(state, spec);
        if (tooLarge != null) {
            return Reply.invalid(List.of(tooLarge));
        }
        long number = state.nextJobNumber++;
        String id = requestedId != null ? requestedId : "job-" + number;
        JobRecord job =
                JobRecord.of(id, number, spec, clientId, who.label(principals), who.client(), state.clockMillis);
        state.addJob(job);
        if (job.mine != null) {
            state.openMineJobs.add(id);
        }
        List<String> taskIds = job.taskIds();
        for (int i = 0; i < taskIds.size(); i++) {
            TaskRecord task = TaskRecord.pending(taskIds.get(i), id, number, i);
            state.tasks.put(task.id, task);
            state.pendingQueue.add(task);
        }
        state.emit("job", id, "SUBMITTED", null, null, spec.name());
        return Reply.okJob(ReplyCode.JOB_ACCEPTED, id);
    }

    /**
     * A data job's shard count: as given, else the nodes open for work when it is ordered (at least
     * one), never more than its elements.
     */
    private JobSpec withResolvedShards(JobSpec spec) {
        if (spec.data().shards() != null) {
            return spec.withShards(spec.data().shards());
        }
        long open =
                state.nodes.values().stream().filter(NodeRecord::acceptsWork).count();
        int shards = (int) Math.min(spec.data().elementCount(), Math.max(1, open));
        return spec.withShards(shards);
    }

    /**
     * Why a quorum-verified job could never be accepted: fewer configured nodes satisfy its constraints
     * than the f+1 distinct nodes its results need (null when it can, or when no nodes are configured).
     */
    private String quorumOutOfReach(JobSpec spec) {
        int needed = JobRecord.quorumFor(spec, state.config.faults()).needed();
        if (needed == 1 || state.config.configuredNodes().isEmpty()) {
            return null;
        }
        Map<String, String> constraints = spec.constraints() == null ? Map.of() : spec.constraints();
        long matching = state.config.configuredNodes().values().stream()
                .filter(n -> constraints.entrySet().stream()
                        .allMatch(c -> c.getValue().equals(n.labels().get(c.getKey()))))
                .count();
        if (matching >= needed) {
            return null;
        }
        return "verification: quorum needs " + needed + " distinct nodes whose labels match the constraints, the"
                + " configuration has " + matching;
    }

    Reply cancel(int clientId, CancelJob op) {
        return cancel(Requester.consensusClient(clientId), op);
    }

    /**
     * A cancel by {@code who}: a signed client by its role (an admin any job, a submitter its own); a
     * node or token holder a job no client owns, as before (its submitter, or any node for a node's).
     */
    Reply cancel(Requester who, CancelJob op) {
        int clientId = who.clientId();
        JobRecord job = state.jobs.get(op.jobId());
        if (job == null) {
            return Reply.rejected(ReplyCode.NOT_FOUND, "no job " + clip(op.jobId()));
        }
        if (who.signed()) {
            if (!who.role().mayManage(who.client(), job.owner)) {
                return Reply.rejected(
                        ReplyCode.FORBIDDEN,
                        "client " + who.client() + " (" + who.role().word() + ") may not cancel job " + job.id + " of "
                                + job.submittedBy);
            }
        } else {
            boolean bySubmitter = job.owner == null && job.submitter == clientId;
            boolean viaNodes = job.owner == null && principals.isNode(job.submitter) && principals.isNode(clientId);
            if (!bySubmitter && !viaNodes) {
                return Reply.rejected(ReplyCode.UNAUTHORIZED, "client " + clientId + " may not cancel job " + job.id);
            }
        }
        if (job.cancelled) {
            return Reply.ignoredJob(ReplyCode.DUPLICATE, "job " + job.id + " is already cancelled", job.id);
        }
        List<TaskRecord> tasks = job.taskIds().stream().map(state.tasks::get).toList();
        if (tasks.stream().allMatch(t -> t.state.isTerminal())) {
            return Reply.ignoredJob(ReplyCode.JOB_FINISHED, "job " + job.id + " already finished", job.id);
        }
        job.cancelled = true;
        tasks.forEach(lifecycle::cancel);
        state.emit("job", job.id, "CANCELLED", null, null, null);
        Reply reply = Reply.okJob(ReplyCode.JOB_CANCELLED, job.id);
        return reply;
    }

    static String clip(String s) {
        return s == null || s.length() <= 64 ? s : s.substring(0, 64) + "...";
    }
}
