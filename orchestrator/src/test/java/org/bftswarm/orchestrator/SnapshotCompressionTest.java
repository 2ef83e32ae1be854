package org.bftswarm.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.zip.Deflater;
import org.bftswarm.orchestrator.ops.TaskFinished;
import org.bftswarm.orchestrator.view.TaskView;
import org.junit.jupiter.api.Test;

/**
 * Snapshots are compressed deterministically: equal states give equal bytes on every replica, a
 * snapshot round-trips byte for byte, only the canonical compression of canonical JSON is accepted,
 * and a realistic state shrinks several times.
 */
class SnapshotCompressionTest {

    /** A realistic 4 KiB task output: log lines with timestamps, counters and checksums. */
    static String logOutput(Random random, int bytes) {
        StringBuilder out = new StringBuilder(bytes + 128);
        long t = 1_700_000_000_000L + random.nextInt(1_000_000);
        int line = 0;
        while (out.length() < bytes) {
            t += random.nextInt(50);
            out.append(String.format(
                    Locale.ROOT,
                    "%d INFO worker[%d] step %d: processed %d records in %d ms checksum=%08x%n",
                    t,
                    random.nextInt(8),
                    line++,
                    random.nextInt(100_000),
                    random.nextInt(2_000),
                    random.nextInt()));
        }
        return out.substring(0, bytes);
    }

    /** {@code jobs} one-task jobs, each run to success with a 4 KiB log output, on 4 nodes. */
    static ClusterDriver realistic(int jobs, long seed) {
        ClusterDriver d = ClusterDriver.withNodes(4, 64, 65_536);
        Random random = new Random(seed);
        for (int i = 0; i < jobs; i++) {
            String task = d.submit(ClusterDriver.spec(1, 64, 1)) + ".0";
            d.start(task);
            TaskView t = d.task(task);
            d.execute(
                    d.nodeClient(t.node()),
                    new TaskFinished(task, t.attempt(), t.node(), 0, "sha256:" + i, logOutput(random, 4096), "exited"));
            d.advance(100);
        }
        return d;
    }

    @Test
    void twoSchedulersGivenTheSameOperationsProduceIdenticalCompressedBytes() {
        byte[] a = realistic(50, 7).scheduler.snapshot();
        byte[] b = realistic(50, 7).scheduler.snapshot();
        assertThat(a).isEqualTo(b);
        assertThat(realistic(50, 8).scheduler.snapshot()).isNotEqualTo(a);
    }

    @Test
    void aCompressedSnapshotRoundTripsByteForByte() {
        ClusterDriver d = realistic(50, 7);
        Scheduler copy = Scheduler.forCluster(4);
        copy.restore(d.scheduler.snapshot());
        assertThat(copy.snapshot()).isEqualTo(d.scheduler.snapshot());
        assertThat(copy.digest()).isEqualTo(d.scheduler.digest());
        assertThat(copy.jobs()).isEqualTo(d.scheduler.jobs());
        copy.checkInvariants();
    }

    @Test
    void onlyTheCanonicalCompressionOfTheStateIsAccepted() {
        byte[] snapshot = realistic(20, 7).scheduler.snapshot();
        byte[] json = SnapshotCompression.inflate(snapshot, Long.MAX_VALUE);
        Deflater best = new Deflater(Deflater.BEST_COMPRESSION, true);
        best.setInput(json);
        best.finish();
        byte[] buffer = new byte[json.length + 1024];
        byte[] otherLevel = Arrays.copyOf(buffer, best.deflate(buffer));
        best.end();
        assertThat(otherLevel).isNotEqualTo(snapshot);
        byte[][] lies = {
            json,
            otherLevel,
            Arrays.copyOf(snapshot, snapshot.length - 1),
            Arrays.copyOf(snapshot, snapshot.length + 1),
            new byte[0],
        };
        for (byte[] lie : lies) {
            assertThatThrownBy(() -> Scheduler.forCluster(4).restore(lie)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aSnapshotInflatingPastTheTransferLimitIsRefusedBeforeParsing() {
        byte[] bomb = SnapshotCompression.deflate(new byte[5 * 1024 * 1024]);
        Scheduler small = new Scheduler(SchedulerConfig.defaults(4).withStateTransferLimit(4L * 1024 * 1024));
        assertThatThrownBy(() -> small.restore(bomb))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inflates past");
    }

    @Test
    void thousandJobsWithFourKibOutputsCompressAtLeastThreeTimes() {
        ClusterDriver d = realistic(1000, 1);
        long t0 = System.nanoTime();
        byte[] snapshot = d.scheduler.snapshot();
        double encodeMs = (System.nanoTime() - t0) / 1e6;
        int json = SnapshotCompression.inflate(snapshot, Long.MAX_VALUE).length;
        String text = new String(SnapshotCompression.inflate(snapshot, Long.MAX_VALUE), StandardCharsets.UTF_8);
        assertThat(text).contains("\"job-1000\"");
        double ratio = (double) json / snapshot.length;
        System.out.printf(
                Locale.ROOT,
                "BENCH snapshot jobs=1000 output=4KiB json_bytes=%d compressed_bytes=%d ratio=%.2f encode_ms=%.1f"
                        + " estimate_bytes=%d%n",
                json,
                snapshot.length,
                ratio,
                encodeMs,
                d.scheduler.estimatedStateBytes());
        assertThat(ratio).isGreaterThan(3.0);
        assertThat((long) json).isLessThanOrEqualTo(d.scheduler.estimatedStateBytes());
    }

    @Test
    void fullOutputJobsExpireAtTheOutputLimitInsteadOfOutgrowingStateTransfer() {
        ClusterDriver d = ClusterDriver.withNodes(4, 64, 65_536);
        String full = "y".repeat(OutputLimit.MAX_OUTPUT_BYTES);
        for (int i = 0; i < 400; i++) {
            String task = d.submit(ClusterDriver.spec(1, 64, 1)) + ".0";
            TaskView t = d.task(task);
            d.execute(d.nodeClient(t.node()), new TaskFinished(task, t.attempt(), t.node(), 0, "d", full + i, "ok"));
        }
        assertThat(SnapshotCompression.inflate(d.scheduler.snapshot(), Long.MAX_VALUE).length)
                .isLessThanOrEqualTo(16 * 1024 * 1024 + 2 * 1024 * 1024);
        assertThat(d.scheduler.jobs().size()).isLessThanOrEqualTo(256);
    }
}
