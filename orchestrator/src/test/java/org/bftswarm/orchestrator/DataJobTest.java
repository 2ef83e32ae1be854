package org.bftswarm.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bftswarm.orchestrator.ops.Reply;
import org.bftswarm.orchestrator.ops.SubmitJob;
import org.bftswarm.orchestrator.ops.TaskFinished;
import org.bftswarm.orchestrator.spec.DataSpec;
import org.bftswarm.orchestrator.spec.JobSpec;
import org.bftswarm.orchestrator.view.DataView;
import org.bftswarm.orchestrator.view.JobStatus;
import org.bftswarm.orchestrator.view.JobView;
import org.bftswarm.orchestrator.view.TaskView;
import org.junit.jupiter.api.Test;

class DataJobTest {

    private static final byte[] MODULE = example("sum.wasm");

    static byte[] example(String name) {
        try {
            return Files.readAllBytes(Path.of("..", "examples", "wasm", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JobSpec wasmJob(DataSpec data) {
        return new JobSpec(null, null, null, null, null, null, null, null, null, null, null, null, null, data);
    }

    private static DataSpec sumOver(List<Long> values) {
        return DataSpec.wasm(MODULE, values);
    }

    /** Reports {@code output} as the accepted result of {@code taskId}'s current run. */
    private static void finishWith(ClusterDriver d, String taskId, String output) {
        d.start(taskId);
        TaskView t = d.task(taskId);
        Reply r = d.execute(
                d.nodeClient(t.node()),
                new TaskFinished(
                        taskId,
                        t.attempt(),
                        t.node(),
                        0,
                        "d" + Integer.toHexString(output.hashCode()),
                        output,
                        "exited"));
        assertThat(r.isOk()).as("%s", r).isTrue();
    }

    private static ClusterDriver cluster() {
        ClusterDriver d = ClusterDriver.of(4);
        for (int i = 0; i < 4; i++) {
            d.register(i, 4, 4096, Map.of());
        }
        return d;
    }

    @Test
    void shardsDefaultToTheNodesUpAndSliceTheDatasetContiguously() {
        ClusterDriver d = cluster();
        String job = d.submit(wasmJob(sumOver(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L))));
        DataView data = d.scheduler.job(job).orElseThrow().data();
        assertThat(data.shards()).hasSize(4);
        assertThat(data.shards())
                .extracting(s -> s.start() + "-" + s.end())
                .containsExactly("0-3", "3-6", "6-8", "8-10");
    }

    @Test
    void aDatasetShorterThanTheNodesGetsOneShardPerElement() {
        ClusterDriver d = cluster();
        String job = d.submit(wasmJob(sumOver(List.of(5L, 6L))));
        assertThat(d.scheduler.job(job).orElseThrow().tasks()).hasSize(2);
    }

    @Test
    void theStateMachineReducesOnceEveryShardIsAccepted() {
        ClusterDriver d = cluster();
        String job = d.submit(wasmJob(sumOver(List.of(10L, 20L, 30L, 40L))));
        finishWith(d, job + ".0", "10");
        finishWith(d, job + ".1", "20");
        finishWith(d, job + ".2", "30");
        assertThat(d.scheduler.job(job).orElseThrow().data().result()).isNull();
        finishWith(d, job + ".3", "40");
        JobView done = d.scheduler.job(job).orElseThrow();
        assertThat(done.status()).isEqualTo(JobStatus.COMPLETE);
        assertThat(done.data().result()).isEqualTo("100");
        assertThat(done.data().shards()).extracting(DataView.ShardView::result).containsExactly("10", "20", "30", "40");
        d.scheduler.checkInvariants();
    }

    @Test
    void aSnapshotWithDataJobsRestoresToTheSameState() {
        ClusterDriver d = cluster();
        String done = d.submit(wasmJob(sumOver(List.of(1L, 2L, 3L, 4L))));
        for (int i = 0; i < 4; i++) {
            finishWith(d, done + "." + i, String.valueOf(i + 1));
        }
        d.submit(wasmJob(sumOver(List.of(5L, 6L))));
        ClusterDriver restored = new ClusterDriver(Scheduler.forCluster(4));
        restored.scheduler.restore(d.scheduler.snapshot());
        assertThat(restored.scheduler.snapshot()).isEqualTo(d.scheduler.snapshot());
        assertThat(restored.scheduler.job(done).orElseThrow().data().result()).isEqualTo("10");
    }

    @Test
    void minMaxAndConcatFoldInShardOrder() {
        for (var c : Map.of("min", "-7", "max", "12", "concat", "[3,-7,12]", "larger", "12")
                .entrySet()) {
            ClusterDriver d = cluster();
            DataSpec data = new DataSpec(
                    DataSpec.wasm(MODULE, List.of()).wasmBase64(),
                    new long[] {1, 2, 3},
                    null,
                    null,
                    c.getKey(),
                    null,
                    null,
                    null,
                    null);
            String job = d.submit(wasmJob(data));
            finishWith(d, job + ".0", "3");
            finishWith(d, job + ".1", "-7");
            finishWith(d, job + ".2", "12");
            assertThat(d.scheduler.job(job).orElseThrow().data().result())
                    .as(c.getKey())
                    .isEqualTo(c.getValue());
        }
    }

    @Test
    void aContainerJobConcatenatesOutputsAndSumsNumbers() {
        ClusterDriver d = cluster();
        JobSpec spec = new JobSpec(
                null,
                "img",
                List.of("wc", "-l"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                new DataSpec(null, null, List.of("a", "b", "c"), 2, "concat", null, null, null, null));
        String job = d.submit(spec);
        finishWith(d, job + ".0", "a\nb\n");
        finishWith(d, job + ".1", "c\n");
        assertThat(d.scheduler.job(job).orElseThrow().data().result()).isEqualTo("\"a\\nb\\nc\\n\"");
    }

    @Test
    void aShardOutputThatIsNotANumberFailsTheJobNamingTheShard() {
        ClusterDriver d = cluster();
        String job = d.submit(wasmJob(sumOver(List.of(1L, 2L))));
        finishWith(d, job + ".0", "1");
        finishWith(d, job + ".1", "oops");
        JobView done = d.scheduler.job(job).orElseThrow();
        assertThat(done.status()).isEqualTo(JobStatus.FAILED);
        assertThat(done.data().error()).contains("shard 1").contains("oops");
    }

    @Test
    void pastTheDeadlineAPartialReductionNamesTheMissingShards() {
        ClusterDriver d = cluster();
        DataSpec data = new DataSpec(
                DataSpec.wasm(MODULE, List.of()).wasmBase64(),
                new long[] {1, 2, 3, 4},
                null,
                4,
                null,
                null,
                5,
                null,
                null);
        String job = d.submit(wasmJob(data));
        finishWith(d, job + ".0", "1");
        finishWith(d, job + ".2", "3");
        assertThat(d.scheduler.job(job).orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
        d.advance(5_001);
        d.tick();
        JobView partial = d.scheduler.job(job).orElseThrow();
        assertThat(partial.status()).isEqualTo(JobStatus.PARTIAL);
        assertThat(partial.data().partial()).isTrue();
        assertThat(partial.data().result()).isEqualTo("4");
        assertThat(partial.data().missingShards()).containsExactly(1, 3);
    }

    @Test
    void aModuleThatImportsOrHasNoEntryIsRefusedAtSubmission() {
        ClusterDriver d = cluster();
        Reply imports = d.execute(
                ClusterDriver.USER, new SubmitJob(null, wasmJob(DataSpec.wasm(example("imports.wasm"), List.of(1L)))));
        assertThat(String.valueOf(imports)).contains("wasm_base64").contains("env.log");
        DataSpec noSuchEntry = DataSpec.wasm(MODULE, List.of(1L)).withEntry("nope");
        Reply entry = d.execute(ClusterDriver.USER, new SubmitJob(null, wasmJob(noSuchEntry)));
        assertThat(String.valueOf(entry)).contains("entry").contains("nope");
        assertThat(d.scheduler.jobs()).isEmpty();
    }

    @Test
    void badDataIsRefusedNamingTheFieldAndNothingIsOrdered() {
        ClusterDriver d = cluster();
        Map<String, DataSpec> bad = Map.of(
                "dataset: must not be empty", sumOver(List.of()),
                "wasm_base64: not valid base64",
                        new DataSpec("@@@", new long[] {1}, null, null, null, null, null, null, null),
                "shards: at most one per element",
                        new DataSpec(
                                sumOver(List.of()).wasmBase64(), new long[] {1}, null, 3, null, null, null, null, null),
                "shards: must be between 1",
                        new DataSpec(
                                sumOver(List.of()).wasmBase64(), new long[] {1}, null, 0, null, null, null, null, null));
        for (var c : bad.entrySet()) {
            Reply r = d.execute(ClusterDriver.USER, new SubmitJob(null, wasmJob(c.getValue())));
            assertThat(r.isOk()).as(c.getKey()).isFalse();
            assertThat(String.valueOf(r)).as(c.getKey()).contains(c.getKey());
        }
        assertThat(d.scheduler.jobs()).isEmpty();
    }
}
