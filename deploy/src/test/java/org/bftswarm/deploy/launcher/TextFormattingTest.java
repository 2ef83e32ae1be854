package org.bftswarm.deploy.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.bftswarm.api.ClusterJson;
import org.bftswarm.api.JobJson;
import org.bftswarm.api.JobStatusJson;
import org.bftswarm.api.NodeJson;
import org.bftswarm.api.TaskJson;
import org.junit.jupiter.api.Test;

/** The node table, the cluster status and the job texts that the CLI prints. */
class TextFormattingTest {

    @Test
    void nodeTableAlignsColumnsAndShowsDashesForUnknowns() {
        String table = NodeTable.render(List.of(
                new NodeRow(0, 1234L, "http://127.0.0.1:8080", "running", 17L, 0L),
                new NodeRow(1, null, "http://127.0.0.1:8081", "down", null, null)));
        List<String> lines = table.lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0))
                .startsWith("node  pid       api")
                .contains("state")
                .contains("executed");
        assertThat(lines.get(1)).matches("0 +1234 +http://127\\.0\\.0\\.1:8080 +running +17 +0");
        assertThat(lines.get(2)).matches("1 +- +http://127\\.0\\.0\\.1:8081 +down +- +-");
        assertThat(lines.get(1).indexOf("http")).isEqualTo(lines.get(2).indexOf("http"));
    }

    @Test
    void statusShowsEachNodesCrdtHeartbeatUsageCountersAndInvalidEntries() {
        NodeJson seen = new NodeJson(
                2,
                "UP",
                "http://127.0.0.1:8082",
                null,
                null,
                Map.of("heartbeat_seq", 41L, "running_tasks", 3L, "tasks_succeeded", 9L, "tasks_failed", 2L),
                5L,
                0,
                false);
        NodeRow.Soft soft = ClusterInspector.softOf(seen);
        assertThat(soft).isEqualTo(new NodeRow.Soft("UP", 41L, 3L, 9L, 2L, 5L, 0L));
        List<String> lines = NodeTable.render(List.of(
                        new NodeRow(2, 77L, "http://127.0.0.1:8082", "running", 17L, 0L, soft),
                        new NodeRow(3, null, "http://127.0.0.1:8083", "down", null, null, null)))
                .lines()
                .toList();
        assertThat(lines.get(0))
                .contains("sched")
                .contains("heartbeat")
                .contains("running")
                .contains("invalid");
        assertThat(lines.get(1)).matches("2 +77 +http://127\\.0\\.0\\.1:8082 +running +17 +0 +UP +41 +3 +9 +2 +5 +0");
        assertThat(lines.get(2)).matches("3 +- +http://127\\.0\\.0\\.1:8083 +down +- +- +- +- +- +- +- +- +-");
    }

    @Test
    void statusShowsDisputedResultsAndAQuarantinedNode() {
        NodeJson liar = new NodeJson(1, "UP", "http://127.0.0.1:8081", null, null, Map.of(), 0L, 4, true);
        NodeRow.Soft soft = ClusterInspector.softOf(liar);
        assertThat(soft.scheduled()).isEqualTo("QUARANTINED");
        assertThat(soft.disputed()).isEqualTo(4);
        String table = NodeTable.render(List.of(new NodeRow(1, 7L, "http://127.0.0.1:8081", "running", 3L, 0L, soft)));
        assertThat(table.lines().toList().get(0)).endsWith("disputed");
        assertThat(table.lines().toList().get(1)).matches(".* QUARANTINED .* 4");
    }

    @Test
    void clusterViewIsTheOneMostNodesReportAndPrimaryIsViewModN() {
        List<ClusterJson> views = List.of(
                new ClusterJson(4, 1, 1, 1, 10, 0, 0),
                new ClusterJson(4, 1, 1, 1, 10, 0, 1),
                new ClusterJson(4, 1, 7, 3, 10, 0, 2));
        ClusterStatus status = ClusterStatus.of("demo", 4, 1, List.of(), views);
        assertThat(status.view()).isEqualTo(1L);
        assertThat(status.primary()).isEqualTo(1);
        assertThat(status.render()).startsWith("swarm demo: n = 4, f = 1, view 1, primary node 1");
    }

    @Test
    void clusterWithNoAnsweringNodeHasUnknownView() {
        ClusterStatus status = ClusterStatus.of("demo", 4, 1, List.of(), List.of());
        assertThat(status.view()).isNull();
        assertThat(status.render()).contains("view unknown, primary unknown");
    }

    @Test
    void progressCountsTerminalTasksAndGroupsTheRest() {
        JobJson job = new JobJson(
                "job-3",
                "j",
                JobStatusJson.RUNNING,
                List.of(
                        new TaskJson("job-3.0", 0, "SUCCEEDED", 1, 0, "x", List.of(), List.of(), null),
                        new TaskJson("job-3.1", 1, "RUNNING", 1, null, null, List.of(), List.of(), null),
                        new TaskJson("job-3.2", null, "PENDING", 0, null, null, List.of(), List.of(), null),
                        new TaskJson("job-3.3", 2, "FAILED", 2, 137, "", List.of(), List.of(), null)),
                1L,
                null,
                null);
        assertThat(JobText.progress(job)).isEqualTo("job-3 RUNNING: 2/4 tasks done (PENDING 1, RUNNING 1)");
    }

    @Test
    void resultNamesTheNodesThatVerifiedAndDisputedAQuorumResult() {
        TaskJson verified = new TaskJson("job-2.0", 0, "SUCCEEDED", 3, 0, "ok\n", List.of(0, 1), List.of(2), null);
        TaskJson trusted = new TaskJson("job-2.1", 1, "SUCCEEDED", 1, 0, "ok\n", List.of(1), List.of(), null);
        assertThat(JobText.verification(verified)).isEqualTo("  verified by 0,1  disputed by 2");
        assertThat(JobText.verification(trusted)).isEmpty();
        assertThat(JobText.isTerminal("DISPUTED")).isTrue();
    }

    @Test
    void resultListsEveryTaskWithExitCodeAndIndentedOutput() {
        JobJson job = new JobJson(
                "job-1",
                "hello",
                JobStatusJson.FAILED,
                List.of(
                        new TaskJson("job-1.0", 2, "SUCCEEDED", 1, 0, "hi\nthere\n", List.of(), List.of(), null),
                        new TaskJson("job-1.1", 3, "FAILED", 2, 137, null, List.of(), List.of(), null)),
                1L,
                2L,
                null);
        String text = JobText.result(job);
        assertThat(text)
                .contains("job job-1 (hello): FAILED, 2/2 tasks done")
                .contains("task job-1.0  node 2  attempt 1  SUCCEEDED  exit 0")
                .contains("    | hi\n    | there\n")
                .contains("task job-1.1  node 3  attempt 2  FAILED  exit 137");
    }

    @Test
    void longOutputIsCutWithAPointerToTheLogs() {
        String output = "line\n".repeat(JobText.MAX_OUTPUT_LINES + 5);
        JobJson job = new JobJson(
                "job-9",
                "n",
                JobStatusJson.COMPLETE,
                List.of(new TaskJson("job-9.0", 0, "SUCCEEDED", 1, 0, output, List.of(), List.of(), null)),
                1L,
                2L,
                null);
        assertThat(JobText.result(job)).contains("… 5 more lines (./bftswarm logs job-9.0)");
    }

    @Test
    void jobsTableWidensTheIdColumnToTheLongestId() {
        String table = JobText.table(List.of(
                new JobJson("n0-0123456789abcdef", "a", JobStatusJson.COMPLETE, List.of(), 1L, 2L, null),
                new JobJson("j-1", "b", JobStatusJson.PENDING, List.of(), 1L, null, null)));
        List<String> lines = table.lines().toList();
        assertThat(lines.get(0)).startsWith("job                  name");
        assertThat(lines.get(2)).startsWith("j-1                  b");
        assertThat(lines.get(1)).endsWith("COMPLETE   0/0");
    }

    @Test
    void percentilesAreNearestRank() {
        LatencyStats stats = new LatencyStats(List.of(50L, 10L, 40L, 20L, 30L, 60L, 70L, 80L, 90L, 100L));
        assertThat(stats.percentile(50)).isEqualTo(50);
        assertThat(stats.percentile(99)).isEqualTo(100);
        assertThat(stats.percentile(10)).isEqualTo(10);
        assertThat(new LatencyStats(List.of()).percentile(50)).isZero();
    }

    @Test
    void benchLineHasTheAgreedShape() {
        TaskBenchResult r = new TaskBenchResult(
                List.of(new TaskBenchResult.Phase("none", 100, 0, 6.5, 280, 600, 500, 900)), 7.0, 250);
        assertThat(r.line())
                .startsWith("BENCH tasks tasks_per_s=6.50 raw_docker_per_s=7.00 ratio=0.93 run_p50_ms=280 verify=none");
    }

    @Test
    void logTailKeepsTheLastLines() {
        assertThat(LogTail.lastLines("a\nb\nc\nd\n", 2)).containsExactly("c", "d");
        assertThat(LogTail.lastLines("a", 5)).containsExactly("a");
    }

    @Test
    void aTaskTheAgentEndedShowsWhyAndOneThatExitedDoesNot() {
        TaskJson oom =
                new TaskJson("j.0", 1, "FAILED", 1, 137, "", List.of(), List.of(), null, "oom: ran out of memory");
        TaskJson exited = new TaskJson("j.1", 1, "SUCCEEDED", 1, 0, "", List.of(), List.of(), null, "exited");
        assertThat(JobText.reason(oom)).isEqualTo("  (oom: ran out of memory)");
        assertThat(JobText.reason(exited)).isEmpty();
    }
}
