package org.bftswarm.api;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** An in-memory ClusterPort whose answers each test sets up explicitly. */
final class FakeClusterPort implements ClusterPort {
    final List<Integer> readmitted = new CopyOnWriteArrayList<>();
    final List<String> signed = new CopyOnWriteArrayList<>();
    final Map<String, JobJson> jobs = new ConcurrentHashMap<>();
    final Map<String, String> logs = new ConcurrentHashMap<>();
    final List<JobSubmission> submitted = new CopyOnWriteArrayList<>();
    final List<String> cancelled = new CopyOnWriteArrayList<>();
    final List<Consumer<ClusterEvent>> listeners = new CopyOnWriteArrayList<>();
    volatile List<NodeJson> nodes = List.of();
    volatile ClusterJson cluster = new ClusterJson(4, 1, 3, 3, 120, 100, 0);
    volatile Supplier<CompletableFuture<String>> submitAnswer = null;
    volatile Supplier<CompletableFuture<Void>> cancelAnswer = null;
    volatile RuntimeException readFailure = null;
    private final AtomicLong nextJob = new AtomicLong(1);

    @Override
    public CompletableFuture<String> submitJob(JobSubmission spec, Principal principal) {
        submitted.add(spec);
        if (submitAnswer != null) {
            return submitAnswer.get();
        }
        String id = "job-" + nextJob.getAndIncrement();
        jobs.put(id, new JobJson(id, spec.name(), JobStatusJson.PENDING, List.of(), 1_000L, null, null));
        return CompletableFuture.completedFuture(id);
    }

    @Override
    public CompletableFuture<OrderedWrite> submitSigned(byte[] signedOperation) {
        signed.add(new String(signedOperation, StandardCharsets.UTF_8));
        return CompletableFuture.completedFuture(
                new OrderedWrite("job-signed", "AQI=", List.of(new ReplyCertificateJson(0, 1001, 7, 3, "ab", "cd"))));
    }

    @Override
    public CompletableFuture<String> readmitNode(int nodeId, Principal principal) {
        readmitted.add(nodeId);
        return CompletableFuture.completedFuture("readmission of node " + nodeId + ": 1 of 2 votes");
    }

    @Override
    public CompletableFuture<Void> cancelJob(String jobId, Principal principal) {
        if (cancelAnswer != null) {
            return cancelAnswer.get();
        }
        if (!jobs.containsKey(jobId)) {
            return CompletableFuture.failedFuture(PortException.notFound("no job " + jobId));
        }
        cancelled.add(jobId);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public Optional<JobJson> job(String jobId) {
        failIfAsked();
        return Optional.ofNullable(jobs.get(jobId));
    }

    @Override
    public List<JobJson> jobs() {
        failIfAsked();
        return new ArrayList<>(new TreeMap<>(jobs).values());
    }

    @Override
    public List<NodeJson> nodes() {
        failIfAsked();
        return nodes;
    }

    @Override
    public ClusterJson cluster() {
        failIfAsked();
        return cluster;
    }

    @Override
    public Optional<Integer> taskLogsAttempt(String taskId) {
        return logs.containsKey(taskId) ? Optional.of(2) : Optional.empty();
    }

    @Override
    public Optional<InputStream> taskLogs(String taskId) {
        failIfAsked();
        return Optional.ofNullable(logs.get(taskId))
                .map(s -> new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public AutoCloseable subscribe(Consumer<ClusterEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void emit(ClusterEvent event) {
        for (Consumer<ClusterEvent> l : listeners) {
            l.accept(event);
        }
    }

    private void failIfAsked() {
        RuntimeException f = readFailure;
        if (f != null) {
            throw f;
        }
    }
}
