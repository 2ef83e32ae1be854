package org.bftswarm.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bftswarm.worker.DockerTestSupport.IMAGE;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Task containers are confined by default, and the limits are enforced by the kernel, not only
 * written into the container's configuration: a fork bomb meets the pids limit, a memory hog is
 * killed at its memory limit and reported as OOM, and a task holds no capability at all.
 */
class ContainerHardeningDockerTest extends DockerRunnerFixture {

    private TaskLaunch sh(String task, String script, long memoryMb, Confinement confinement) {
        return new TaskLaunch(
                        swarm,
                        0,
                        task,
                        1,
                        IMAGE,
                        List.of("sh", "-c", script),
                        Map.of(),
                        0.5,
                        memoryMb,
                        60,
                        TaskLaunch.DEFAULT_NETWORK,
                        null,
                        null)
                .withConfinement(confinement);
    }

    private TaskOutcome run(TaskLaunch launch) throws Exception {
        RecordingObserver obs = new RecordingObserver();
        assertThat(runner.launch(launch, obs)).isTrue();
        return obs.awaitFinished();
    }

    @Test
    void aTaskHoldsNoCapabilityAtAll() throws Exception {
        TaskOutcome out = run(sh("capeff", "grep CapEff /proc/self/status", 64, Confinement.DEFAULT));
        assertThat(out.succeeded()).as(out.toString()).isTrue();
        assertThat(out.outputText()).matches("(?s)CapEff:\\s+0000000000000000\\s*");
    }

    @Test
    void aForkBombMeetsThePidsLimitAndTheRunnerGoesOnRunningTasks() throws Exception {
        // The bomb forks until the kernel refuses; the outer shell then uses builtins only (a fork of
        // its own could be refused too) to wait and read the pids controller's limit and its count of
        // refused forks.
        String script = "bomb() { bomb | bomb & }; bomb 2>/dev/null; "
                + "i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done; "
                + "d=/sys/fs/cgroup/pids; [ -r $d/pids.max ] || d=/sys/fs/cgroup; "
                + "read -r max < $d/pids.max; read -r events < $d/pids.events; "
                + "echo \"limit=$max refused:$events\"";
        TaskOutcome bomb = run(sh("forkbomb", script, 64, new Confinement(32, null, false)));
        assertThat(bomb.reason()).as(bomb.toString()).isEqualTo(FailureReason.NONE);
        Matcher m = Pattern.compile("limit=(\\S+) refused:max (\\d+)").matcher(bomb.outputText());
        assertThat(m.find()).as("output: " + bomb.outputText()).isTrue();
        assertThat(m.group(1)).isEqualTo("32");
        assertThat(Long.parseLong(m.group(2)))
                .as("forks the kernel refused at the limit")
                .isPositive();

        TaskOutcome after = run(sh("after-bomb", "echo alive", 64, Confinement.DEFAULT));
        assertThat(after.succeeded()).as(after.toString()).isTrue();
        assertThat(after.outputText().strip()).isEqualTo("alive");
    }

    @Test
    void allocatingPastTheMemoryLimitEndsTheAttemptWithExit137AndReasonOom() throws Exception {
        // tail keeps the last lines of its input; /dev/zero has no newline, so it buffers without end
        TaskOutcome out = run(sh("hog", "tail /dev/zero", 16, Confinement.DEFAULT));
        assertThat(out.exitCode()).as(out.toString()).isEqualTo(137);
        assertThat(out.reason()).as(out.toString()).isEqualTo(FailureReason.OOM);
        assertThat(out.detail()).contains("memory");
    }

    @Test
    void aKillFromOutsideIsNotTakenForOutOfMemory() throws Exception {
        RecordingObserver obs = new RecordingObserver();
        assertThat(runner.launch(sh("outside-kill", "sleep 30", 64, Confinement.DEFAULT), obs))
                .isTrue();
        String id = obs.awaitStarted();
        docker.killContainerCmd(id).exec();
        TaskOutcome out = obs.awaitFinished();
        assertThat(out.exitCode()).isEqualTo(137);
        assertThat(out.reason()).as(out.toString()).isEqualTo(FailureReason.NONE);
    }

    @Test
    void aReadOnlyRootfsRefusesWritesButTmpStaysWritable() throws Exception {
        TaskOutcome out = run(sh(
                "rofs",
                "if touch /probe 2>/dev/null; then echo root-writable; else echo root-refused; fi; "
                        + "echo x > /tmp/probe && echo tmp-writable",
                64,
                new Confinement(Confinement.DEFAULT_PIDS, null, true)));
        assertThat(out.succeeded()).as(out.toString()).isTrue();
        assertThat(out.outputText()).contains("root-refused").contains("tmp-writable");
    }

    @Test
    void theUserOptionSetsTheUidAndGidTheCommandRunsAs() throws Exception {
        TaskOutcome out =
                run(sh("user", "id -u; id -g", 64, new Confinement(Confinement.DEFAULT_PIDS, "65534:65533", false)));
        assertThat(out.succeeded()).as(out.toString()).isTrue();
        assertThat(out.outputText()).isEqualTo("65534\n65533\n");
    }

    @Test
    void theContainerIsCreatedWithEveryHardeningSetting() throws Exception {
        RecordingObserver obs = new RecordingObserver();
        assertThat(runner.launch(sh("inspect", "sleep 30", 32, new Confinement(100, null, false)), obs))
                .isTrue();
        String id = obs.awaitStarted();
        HostConfig host = docker.inspectContainerCmd(id).exec().getHostConfig();
        runner.kill("inspect");
        obs.awaitFinished();
        assertThat(host.getCapDrop()).containsExactly(Capability.ALL);
        assertThat(host.getSecurityOpts()).containsExactly(ContainerPlan.NO_NEW_PRIVILEGES);
        assertThat(host.getPidsLimit()).isEqualTo(100L);
        assertThat(host.getMemory()).isEqualTo(32L << 20);
        assertThat(host.getMemorySwap()).isEqualTo(32L << 20);
        assertThat(host.getTmpFs()).containsKey(ContainerPlan.TMP);
        assertThat(host.getPrivileged()).isFalse();
        assertThat(host.getNetworkMode()).isEqualTo("none");
    }
}
