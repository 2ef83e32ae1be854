package org.bftswarm.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import org.bftswarm.worker.agent.FakeResultsExecutor;
import org.bftswarm.worker.agent.SilentExecutor;
import org.bftswarm.worker.agent.TamperingExecutor;
import org.bftswarm.worker.agent.TaskExecutor;
import org.junit.jupiter.api.Test;

class FaultyExecutorsTest {
    private static final TaskExecutor.Factory REAL = (swarm, id, dir) -> new FakeTaskExecutor();

    private static TaskExecutor open(Set<NodeFault> faults) {
        return FaultyExecutors.wrap(REAL, faults).open("s", 1, Path.of("/tmp/unused"));
    }

    @Test
    void withoutTaskSideFaultsTheRealExecutorIsUsedUnwrapped() {
        assertThat(FaultyExecutors.wrap(REAL, Set.of())).isSameAs(REAL);
        assertThat(FaultyExecutors.wrap(REAL, Set.of(NodeFault.SUSPECT_EVERYONE, NodeFault.INFLATE_CAPACITY)))
                .isSameAs(REAL);
    }

    @Test
    void eachTaskSideFaultGetsItsDecorator() {
        try (TaskExecutor e = open(Set.of(NodeFault.FAKE_RESULTS))) {
            assertThat(e).isInstanceOf(FakeResultsExecutor.class);
        }
        try (TaskExecutor e = open(Set.of(NodeFault.TAMPER_OUTPUT))) {
            assertThat(e).isInstanceOf(TamperingExecutor.class);
        }
        try (TaskExecutor e = open(Set.of(NodeFault.SILENT_WORKER))) {
            assertThat(e).isInstanceOf(SilentExecutor.class);
        }
    }

    @Test
    void silenceWrapsEveryOtherLieSoNothingIsReported() {
        try (TaskExecutor e = open(Set.of(NodeFault.values()))) {
            assertThat(e).isInstanceOf(SilentExecutor.class);
        }
    }
}
