package org.bftswarm.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bftswarm.crypto.Digest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WasmTaskRunnerTest {
    @TempDir
    Path dir;

    private static byte[] example(String name) throws Exception {
        return Files.readAllBytes(Path.of("..", "examples", "wasm", name));
    }

    private static TaskLaunch launch(String taskId, WasmShard shard, long timeoutSeconds) {
        return new TaskLaunch(
                "s", 0, taskId, 1, null, List.of(), Map.of(), 0.25, 64, timeoutSeconds, null, null, shard);
    }

    private TaskOutcome run(WasmTaskRunner runner, String taskId, WasmShard shard) throws Exception {
        RecordingObserver observer = new RecordingObserver();
        assertThat(runner.launch(launch(taskId, shard, 30), observer)).isTrue();
        assertThat(observer.awaitStarted()).startsWith("wasm-");
        return observer.awaitFinished();
    }

    @Test
    void aShardsValueIsItsOutputItsLogAndItsDigest() throws Exception {
        TaskLogStore logs = TaskLogStore.inDataDir(dir);
        try (WasmTaskRunner runner = new WasmTaskRunner(logs, 2)) {
            TaskOutcome out = run(
                    runner, "j.0", new WasmShard(example("sum.wasm"), null, new long[] {10, 20, 30}, false, null, 16));
            assertThat(out.succeeded()).isTrue();
            assertThat(out.outputText()).isEqualTo("60");
            assertThat(out.outputDigest()).isEqualTo(Digest.sha256("60".getBytes()));
            assertThat(logs.readLatest("j.0"))
                    .hasValueSatisfying(b -> assertThat(new String(b)).isEqualTo("60"));
        }
    }

    @Test
    void aTrapFuelAndMemoryEndTheAttemptWithANamedNonzeroExit() throws Exception {
        try (WasmTaskRunner runner = new WasmTaskRunner(TaskLogStore.inDataDir(dir), 2)) {
            TaskOutcome trap =
                    run(runner, "j.1", new WasmShard(example("trap.wasm"), null, new long[] {1}, false, null, 16));
            assertThat(trap.exitCode()).isEqualTo(WasmTaskRunner.EXIT_TRAP);
            assertThat(trap.outputText()).startsWith("TRAP");
            TaskOutcome fuel =
                    run(runner, "j.2", new WasmShard(example("spin.wasm"), null, new long[] {1}, false, 10_000L, 16));
            assertThat(fuel.exitCode()).isEqualTo(WasmTaskRunner.EXIT_FUEL);
            TaskOutcome bomb =
                    run(runner, "j.3", new WasmShard(example("membomb.wasm"), null, new long[] {1}, false, null, 4));
            assertThat(bomb.exitCode()).isEqualTo(WasmTaskRunner.EXIT_MEMORY);
        }
    }

    @Test
    void aKilledShardReportsKilledAndTheRunnerGoesOn() throws Exception {
        try (WasmTaskRunner runner = new WasmTaskRunner(TaskLogStore.inDataDir(dir), 1)) {
            RecordingObserver spinning = new RecordingObserver();
            runner.launch(
                    launch("j.4", new WasmShard(example("spin.wasm"), null, new long[] {1}, false, null, 16), 0),
                    spinning);
            spinning.awaitStarted();
            assertThat(runner.kill("j.4")).isEqualTo(1);
            assertThat(spinning.awaitFinished().reason()).isEqualTo(FailureReason.KILLED);
            TaskOutcome next =
                    run(runner, "j.5", new WasmShard(example("sum.wasm"), null, new long[] {2, 3}, false, null, 16));
            assertThat(next.outputText()).isEqualTo("5");
        }
    }
}
