package org.bftswarm.consensus.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.bftswarm.consensus.codec.Message;
import org.junit.jupiter.api.Test;

/** The primary's batching rule: partial batches wait while the pipeline is full, full batches never do. */
class PipelineDepthTest {
    /** A cluster (batches of up to 4) whose votes are all lost, so every proposed batch stays in flight. */
    private static TestCluster stalled(int depth) {
        TestCluster c = new TestCluster(4, cfg -> cfg.withPipelineDepth(depth));
        c.network = d ->
                d.message().body() instanceof Message.Prepare || d.message().body() instanceof Message.Commit
                        ? null
                        : d;
        return c;
    }

    /** Distinct sequence numbers the primary proposed (its re-sends of a pre-prepare count once). */
    private static long prePreparesSentByThePrimary(TestCluster c) {
        return c.effects[0].stream()
                .filter(e -> e instanceof Effect.Broadcast b && b.message().body() instanceof Message.PrePrepare)
                .mapToLong(e ->
                        ((Message.PrePrepare) ((Effect.Broadcast) e).message().body()).seq())
                .distinct()
                .count();
    }

    @Test
    void withOneBatchInFlightAnOverduePartialBatchWaitsButAFullOneGoes() {
        TestCluster c = stalled(1);
        c.submit(c.request(1, new byte[] {1}));
        c.run(10);
        assertThat(prePreparesSentByThePrimary(c))
                .as("idle pipeline: proposed at once")
                .isEqualTo(1);
        c.submit(c.request(2, new byte[] {2}));
        c.submit(c.request(3, new byte[] {3}));
        c.run(50); // far past the 5 ms batching delay
        assertThat(prePreparesSentByThePrimary(c))
                .as("partial batch held while one is in flight")
                .isEqualTo(1);
        c.submit(c.request(4, new byte[] {4}));
        c.submit(c.request(5, new byte[] {5}));
        c.run(10);
        assertThat(prePreparesSentByThePrimary(c))
                .as("a full batch of 4 goes regardless")
                .isEqualTo(2);
    }

    @Test
    void withTwoInFlightASecondPartialBatchGoesWhenOverdueAndAThirdWaits() {
        TestCluster c = stalled(2);
        c.submit(c.request(1, new byte[] {1}));
        c.run(10);
        c.submit(c.request(2, new byte[] {2}));
        c.run(50);
        assertThat(prePreparesSentByThePrimary(c)).isEqualTo(2);
        c.submit(c.request(3, new byte[] {3}));
        c.run(50);
        assertThat(prePreparesSentByThePrimary(c)).isEqualTo(2);
    }
}
