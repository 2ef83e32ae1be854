package org.bftswarm.orchestrator.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bftswarm.orchestrator.ops.Operation;
import org.bftswarm.orchestrator.ops.Reply;
import org.bftswarm.orchestrator.ops.TaskFinished;
import org.bftswarm.orchestrator.ops.TaskStarted;

/**
 * What the clients saw accepted (f+1 matching replies, i.e. what the correct replicas decided):
 * every TaskStarted / TaskFinished report answered OK, who sent it and whether it was a deliberate
 * lie, plus counts of how the forged, stale and suspicious operations were answered. The result
 * checks of {@link SchedulerOutcomeChecker} read it.
 */
final class ResultLedger {
  /** One TaskFinished the replicas accepted (outcome OK). */
  record Accepted(String taskId, int attempt, int node, int clientId, int exitCode, String outputDigest,
                  String output, boolean bogus) {}

  final Map<String, List<Accepted>> finished = new TreeMap<>();
  final TreeSet<String> startedTasks = new TreeSet<>();
  final List<String> violations = new ArrayList<>();
  final TreeMap<String, Long> answers = new TreeMap<>();

  void record(int clientId, Operation op, boolean bogus, Reply reply) {
    String kind = op.getClass().getSimpleName() + (bogus ? ".bogus." : ".") + reply.outcome() + "." + reply.code();
    answers.merge(kind, 1L, Long::sum);
    if (!reply.isOk()) {
      return;
    }
    if (op instanceof TaskFinished f) {
      finished.computeIfAbsent(f.taskId(), k -> new ArrayList<>()).add(new Accepted(f.taskId(), f.attempt(),
          f.node(), clientId, f.exitCode(), f.outputDigest(), f.output(), bogus));
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
