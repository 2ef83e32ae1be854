package org.bftswarm.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bftswarm.orchestrator.ops.ClientOperation;
import org.bftswarm.orchestrator.ops.Operation;
import org.bftswarm.orchestrator.ops.OperationCodec;
import org.bftswarm.orchestrator.ops.Reply;
import org.bftswarm.orchestrator.ops.ReplyCode;
import org.bftswarm.orchestrator.ops.ReportBatch;
import org.bftswarm.orchestrator.ops.TaskFinished;
import org.bftswarm.orchestrator.ops.TaskStarted;

/**
 * What the clients saw accepted (f+1 matching replies, i.e. what the correct replicas decided):
 * every TaskStarted / TaskFinished report answered OK, who sent it and whether it was a deliberate
 * lie, plus counts of how the forged, stale and suspicious operations were answered. The result
 * checks of {@link SchedulerOutcomeChecker} read it.
 *
 * <p>It also holds the simulated world's knowledge the replicas do not have: which jobs are
 * deterministic ({@link #quorumJobs}, submitted with {@code verification: quorum}, recorded when the
 * user sends the submission, before any replica can run it) and which reports were forged votes: a
 * Byzantine node's invented result for its own run of a quorum task. A forged vote is no bogus
 * operation (the node may report its own run; only the quorum can tell it lied), so it is expected to
 * be answered OK and is counted, not flagged.
 *
 * <p>Of the signing clients it keeps exactly what each one signed ({@link #signed}: the canonical bytes of
 * every {@link ClientOperation} it sent, by request number) and how many accepted (OK) replies each
 * (client, request number) got, whoever forwarded it: a signed request executes at most once.
 */
final class ResultLedger {
    /** One TaskFinished the replicas accepted (outcome OK). */
    record Accepted(
            String taskId,
            int attempt,
            int node,
            int clientId,
            int exitCode,
            String outputDigest,
            String output,
            boolean bogus,
            boolean forgedVote) {}

    final Map<String, List<Accepted>> finished = new TreeMap<>();
    final TreeSet<String> startedTasks = new TreeSet<>();
    final List<String> violations = new ArrayList<>();
    final TreeMap<String, Long> answers = new TreeMap<>();
    /** Jobs whose tasks are deterministic and submitted for quorum verification. */
    final TreeSet<String> quorumJobs = new TreeSet<>();
    /** Forged votes sent, as {@code taskId#attempt}. */
    final TreeSet<String> forgedVotes = new TreeSet<>();
    /** What each client signed: client name, request number, {@link OperationCodec#encode} of the ClientOperation. */
    final TreeMap<String, TreeMap<Long, byte[]>> signed = new TreeMap<>();
    /** Accepted (OK) replies per {@code client#requestNumber}. */
    final TreeMap<String, Long> signedAccepted = new TreeMap<>();

    /** Every TaskFinished a node's client sent, honest or not, by task (what the replicas could accept). */
    final Map<String, List<TaskFinished>> sentFinished = new TreeMap<>();

    /** A node's client is sending this report. */
    void sent(TaskFinished f) {
        sentFinished.computeIfAbsent(f.taskId(), k -> new ArrayList<>()).add(f);
    }

    /** Client {@code op.client()} signed {@code op} and is sending it. */
    void signed(ClientOperation op) {
        signed.computeIfAbsent(op.client(), c -> new TreeMap<>()).put(op.requestNumber(), OperationCodec.encode(op));
    }

    void forgedVote(String taskId, int attempt) {
        forgedVotes.add(voteKey(taskId, attempt));
    }

    private static String voteKey(String taskId, int attempt) {
        return taskId + "#" + attempt;
    }

    void record(int clientId, Operation op, boolean bogus, Reply reply) {
        if (op instanceof ReportBatch batch) {
            recordEach(clientId, batch, bogus, reply);
            return;
        }
        String kind = op.getClass().getSimpleName() + (bogus ? ".bogus." : ".") + reply.outcome() + "." + reply.code();
        answers.merge(kind, 1L, Long::sum);
        if (!reply.isOk()) {
            return;
        }
        if (op instanceof ClientOperation c) {
            signedAccepted.merge(c.client() + "#" + c.requestNumber(), 1L, Long::sum);
        }
        if (op instanceof TaskFinished f) {
            boolean forged = forgedVotes.contains(voteKey(f.taskId(), f.attempt()));
            if (forged) {
                answers.merge("forged.votes.OK", 1L, Long::sum);
            }
            finished.computeIfAbsent(f.taskId(), k -> new ArrayList<>())
                    .add(new Accepted(
                            f.taskId(),
                            f.attempt(),
                            f.node(),
                            clientId,
                            f.exitCode(),
                            f.outputDigest(),
                            f.output(),
                            bogus,
                            forged));
            if (bogus) {
                violation("a forged or stale TaskFinished from client " + clientId + " was accepted: " + f.taskId()
                        + " attempt " + f.attempt() + " node " + f.node() + " -> " + reply.code());
            }
        } else if (op instanceof TaskStarted s) {
            startedTasks.add(s.taskId());
            if (bogus) {
                violation("a forged or stale TaskStarted from client " + clientId + " was accepted: " + s.taskId()
                        + " attempt " + s.attempt() + " node " + s.node());
            }
        }
    }

    /** Each report of a batch counts as if ordered alone, with its own code from the batch reply. */
    private void recordEach(int clientId, ReportBatch batch, boolean bogus, Reply reply) {
        List<Operation> items = new ArrayList<>(batch.started());
        items.addAll(batch.finished());
        if (reply.reports().size() != items.size()) {
            if (reply.outcome() != Reply.Outcome.REJECTED || !reply.reports().isEmpty()) {
                violation("batch of " + items.size() + " reports answered with "
                        + reply.reports().size() + " codes");
            }
            return;
        }
        answers.merge("batched.reports", (long) items.size(), Long::sum);
        for (int i = 0; i < items.size(); i++) {
            ReplyCode code = reply.reports().get(i);
            Reply.Outcome outcome = switch (code) {
                case TASK_STARTED, TASK_FINISHED -> Reply.Outcome.OK;
                case DUPLICATE, STALE_ATTEMPT, TASK_NOT_ACTIVE -> Reply.Outcome.IGNORED;
                default -> Reply.Outcome.REJECTED;
            };
            record(clientId, items.get(i), bogus, new Reply(outcome, code, null, null, List.of()));
        }
    }

    void violation(String what) {
        if (violations.size() < 20) {
            violations.add(what);
        }
    }

    long count(String prefix) {
        long sum = 0;
        for (Map.Entry<String, Long> e : answers.entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                sum += e.getValue();
            }
        }
        return sum;
    }
}
