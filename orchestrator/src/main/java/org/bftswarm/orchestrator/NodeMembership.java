package org.bftswarm.orchestrator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bftswarm.orchestrator.ops.NodeAlive;
import org.bftswarm.orchestrator.ops.ReadmitNode;
import org.bftswarm.orchestrator.ops.RegisterNode;
import org.bftswarm.orchestrator.ops.Reply;
import org.bftswarm.orchestrator.ops.ReplyCode;
import org.bftswarm.orchestrator.ops.SuspectNode;
import org.bftswarm.orchestrator.spec.JobSpec;
import org.bftswarm.orchestrator.spec.JobSpecValidator;
import org.bftswarm.orchestrator.view.NodeState;

/**
 * Node membership and failure handling. A node registers and
 * rejoins only by its own principal. It is marked DOWN only when suspicions from f+1 distinct
 * replicas are ordered within the window (one vote per suspector, so f Byzantine replicas cannot
 * evict anyone); then each of its active tasks goes back to PENDING and will be placed elsewhere
 * under a new attempt number, so reports from the old attempts are stale.
 */
final class NodeMembership {

    static final double MAX_NODE_CPUS = 1_000_000;
    static final long MAX_NODE_MEMORY_MB = 1L << 40;

    private final SchedulerState state;
    private final TaskLifecycle lifecycle;
    private final NodePrincipals principals;

    NodeMembership(SchedulerState state, TaskLifecycle lifecycle, NodePrincipals principals) {
        this.state = state;
        this.lifecycle = lifecycle;
        this.principals = principals;
    }

    Reply register(int clientId, RegisterNode op) {
        Reply refusal = checkSelf(clientId, op.nodeId());
        if (refusal != null) {
            return refusal;
        }
        List<String> errors = new ArrayList<>();
        if (!Double.isFinite(op.cpus()) || op.cpus() <= 0 || op.cpus() > MAX_NODE_CPUS) {
            errors.add("cpus: must be > 0 and <= " + (long) MAX_NODE_CPUS + " (got " + op.cpus() + ")");
        }
        if (op.memoryMb() <= 0 || op.memoryMb() > MAX_NODE_MEMORY_MB) {
            errors.add("memoryMb: must be between 1 and " + MAX_NODE_MEMORY_MB);
        }
        Map<String, String> labels = op.labels() == null ? Map.of() : op.labels();
        errors.addAll(JobSpecValidator.validateLabels("labels", labels));
        if (!errors.isEmpty()) {
            return new Reply(Reply.Outcome.REJECTED, ReplyCode.INVALID, "invalid node registration", null, errors);
        }
        List<String> mismatches = differencesFromConfiguration(op, labels);
        if (!mismatches.isEmpty()) {
            return new Reply(
                    Reply.Outcome.REJECTED,
                    ReplyCode.REGISTRATION_MISMATCH,
                    "node " + op.nodeId() + " claims other resources than the configuration gives it",
                    null,
                    mismatches);
        }
        long milliCpus = JobSpec.toMilliCpus(op.cpus());
        NodeRecord node = state.nodes.get(op.nodeId());
        if (node == null) {
            node = NodeRecord.up(op.nodeId(), milliCpus, op.memoryMb(), labels, state.clockMillis);
            state.nodes.put(node.id, node);
            state.emit("node", String.valueOf(node.id), NodeState.UP.name(), null, node.id, "registered");
            return Reply.ok(ReplyCode.NODE_REGISTERED, "node " + node.id + " registered");
        }
        node.milliCpus = milliCpus;
        node.memoryMb = op.memoryMb();
        node.labels = new TreeMap<>(labels);
        if (node.state == NodeState.DOWN) {
            bringUp(node, "re-registered");
        } else {
            state.emit("node", String.valueOf(node.id), node.state.name(), null, node.id, "updated");
        }
        return Reply.ok(ReplyCode.NODE_REGISTERED, "node " + node.id + " updated");
    }

    /**
     * What a registration claims beyond the node's configured capacity and labels (nothing when the
     * scheduler was given no configuration, as in tests that register nodes freely).
     */
    private List<String> differencesFromConfiguration(RegisterNode op, Map<String, String> labels) {
        if (state.config.configuredNodes().isEmpty()) {
            return List.of();
        }
        SchedulerConfig.ConfiguredNode configured =
                state.config.configuredNodes().get(op.nodeId());
        if (configured == null) {
            return List.of("nodeId: node " + op.nodeId() + " is not in the configuration");
        }
        List<String> out = new ArrayList<>();
        if (JobSpec.toMilliCpus(op.cpus()) != JobSpec.toMilliCpus(configured.cpus())) {
            out.add("cpus: " + op.cpus() + " claimed, " + configured.cpus() + " configured");
        }
        if (op.memoryMb() != configured.memoryMb()) {
            out.add("memoryMb: " + op.memoryMb() + " claimed, " + configured.memoryMb() + " configured");
        }
        if (!new TreeMap<>(labels).equals(configured.labels())) {
            out.add("labels: " + new TreeMap<>(labels) + " claimed, " + configured.labels() + " configured");
        }
        return out;
    }

    /** One vote to lift a quarantine; f+1 distinct voters readmit the node. */
    Reply readmit(int clientId, ReadmitNode op) {
        if (!principals.isNodeId(op.voter()) || !principals.speaksFor(clientId, op.voter())) {
            return Reply.rejected(
                    ReplyCode.UNAUTHORIZED, "client " + clientId + " may not vote as replica " + op.voter());
        }
        if (op.voter() == op.nodeId()) {
            return Reply.rejected(ReplyCode.INVALID, "a node cannot vote to readmit itself");
        }
        NodeRecord node = state.nodes.get(op.nodeId());
        if (node == null) {
            return Reply.rejected(ReplyCode.NOT_FOUND, "node " + op.nodeId() + " never registered");
        }
        if (!node.quarantined) {
            return Reply.ignored(ReplyCode.NOT_QUARANTINED, "node " + node.id + " is not quarantined");
        }
        if (!node.readmitVotes.add(op.voter())) {
            return Reply.ignored(ReplyCode.DUPLICATE, "replica " + op.voter() + " already voted for node " + node.id);
        }
        int quorum = state.config.suspicionQuorum();
        if (node.readmitVotes.size() < quorum) {
            return Reply.ok(
                    ReplyCode.READMIT_RECORDED,
                    "readmission of node " + node.id + ": " + node.readmitVotes.size() + " of " + quorum + " votes");
        }
        node.quarantined = false;
        node.readmitVotes = new TreeSet<>();
        node.disputesSinceReadmission = 0;
        state.emit("node", String.valueOf(node.id), node.state.name(), null, node.id, "readmitted");
        return Reply.ok(ReplyCode.NODE_READMITTED, "node " + node.id + " readmitted");
    }

    Reply alive(int clientId, NodeAlive op) {
        Reply refusal = checkSelf(clientId, op.nodeId());
        if (refusal != null) {
            return refusal;
        }
        NodeRecord node = state.nodes.get(op.nodeId());
        if (node == null) {
            return Reply.rejected(ReplyCode.NOT_FOUND, "node " + op.nodeId() + " never registered");
        }
        if (node.state == NodeState.UP) {
            return Reply.ignored(ReplyCode.DUPLICATE, "node " + node.id + " is already up");
        }
        bringUp(node, "rejoined");
        return Reply.ok(ReplyCode.NODE_UP, "node " + node.id + " rejoined");
    }

    Reply suspect(int clientId, SuspectNode op) {
        if (!principals.isNodeId(op.suspector()) || !principals.speaksFor(clientId, op.suspector())) {
            return Reply.rejected(
                    ReplyCode.UNAUTHORIZED, "client " + clientId + " may not vote as replica " + op.suspector());
        }
        if (op.suspect() == op.suspector()) {
            return Reply.rejected(ReplyCode.INVALID, "a node cannot suspect itself");
        }
        NodeRecord node = state.nodes.get(op.suspect());
        if (node == null) {
            return Reply.rejected(ReplyCode.NOT_FOUND, "node " + op.suspect() + " never registered");
        }
        if (node.state == NodeState.DOWN) {
            return Reply.ignored(ReplyCode.NODE_ALREADY_DOWN, "node " + node.id + " is already down");
        }
        int votes =
                state.suspicions.vote(node.id, op.suspector(), state.clockMillis, state.config.suspicionWindowMillis());
        int quorum = state.config.suspicionQuorum();
        if (votes < quorum) {
            return Reply.ok(
                    ReplyCode.SUSPICION_RECORDED,
                    "node " + node.id + " suspected by " + votes + " of " + quorum + " needed");
        }
        markDown(node);
        return Reply.ok(ReplyCode.NODE_DOWN, "node " + node.id + " is down");
    }

    private void markDown(NodeRecord node) {
        node.state = NodeState.DOWN;
        node.sinceMillis = state.clockMillis;
        node.timesDown++;
        state.suspicions.clear(node.id);
        state.emit("node", String.valueOf(node.id), NodeState.DOWN.name(), null, node.id, "f+1 suspicions");
        for (String taskId : new ArrayList<>(node.activeTasks)) {
            lifecycle.evict(state.tasks.get(taskId), node.id, "node " + node.id + " down");
        }
    }

    private void bringUp(NodeRecord node, String detail) {
        node.state = NodeState.UP;
        node.sinceMillis = state.clockMillis;
        state.suspicions.clear(node.id);
        state.emit("node", String.valueOf(node.id), NodeState.UP.name(), null, node.id, detail);
    }

    private Reply checkSelf(int clientId, int nodeId) {
        if (!principals.isNodeId(nodeId)) {
            return Reply.rejected(ReplyCode.NOT_FOUND, "no node " + nodeId + " in this cluster");
        }
        if (!principals.speaksFor(clientId, nodeId)) {
            return Reply.rejected(ReplyCode.UNAUTHORIZED, "client " + clientId + " may not speak for node " + nodeId);
        }
        return null;
    }
}
