package org.bftswarm.consensus.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

    /** Operation bytes of every distinct batch the primary proposed, in proposal order. */
    private static List<Long> proposedBatchBytes(TestCluster c) {
        Map<Long, Long> bySeq = new TreeMap<>();
        for (Effect e : c.effects[0]) {
            if (e instanceof Effect.Broadcast b && b.message().body() instanceof Message.PrePrepare pp) {
                long bytes = pp.batch().requests().stream()
                        .mapToLong(r -> ((Message.Request) r.body()).operation().length)
                        .sum();
                bySeq.putIfAbsent(pp.seq(), bytes);
            }
        }
        return List.copyOf(bySeq.values());
    }

    @Test
    void aBatchCarriesAtMostItsByteCapAndOneFullByBytesGoesLikeAFullOne() {
        TestCluster c = stalled(1);
        int big = 5 << 20;
        c.submit(c.request(1, new byte[big]));
        c.run(10);
        c.submit(c.request(2, new byte[big]));
        c.submit(c.request(3, new byte[big]));
        c.run(50);
        assertThat(proposedBatchBytes(c))
                .as(
                        "two requests of 5 MiB exceed the cap: the second batch holds one and goes although one is in flight")
                .containsExactly((long) big, (long) big);
        assertThat(proposedBatchBytes(c))
                .allSatisfy(b -> assertThat(b).isLessThanOrEqualTo(RequestPipeline.MAX_BATCH_OPERATION_BYTES));
    }
}
