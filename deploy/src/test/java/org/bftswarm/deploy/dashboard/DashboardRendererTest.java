package org.bftswarm.deploy.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.bftswarm.api.EnergyJson;
import org.bftswarm.api.JobJson;
import org.bftswarm.api.JobStatusJson;
import org.bftswarm.api.TaskJson;
import org.bftswarm.deploy.launcher.ClusterStatus;
import org.bftswarm.deploy.launcher.NodeRow;
import org.junit.jupiter.api.Test;

/** The dashboard's screen, rendered from snapshots without a terminal. */
class DashboardRendererTest {
    private static ClusterStatus status() {
        List<NodeRow> rows = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            NodeRow.Soft soft = new NodeRow.Soft(i == 3 ? "DOWN" : "UP", 5L, 0L, 1L, 0L, 0, 0);
            rows.add(new NodeRow(
                    i, 100L + i, "http://127.0.0.1:" + (8080 + i), i == 3 ? "down" : "running", 42L, 1L, soft));
        }
        return new ClusterStatus("demo", 4, 1, 1L, 1, rows);
    }

    private static List<JobJson> jobs(int count) {
        List<JobJson> jobs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            TaskJson task = new TaskJson("job-" + i + ".0", 0, "SUCCEEDED", 1, 0, "hi", List.of(0), List.of(), null);
            jobs.add(
                    new JobJson("job-" + i, "n" + i, JobStatusJson.COMPLETE, List.of(task), 1000L + i, 2000L, "admin"));
        }
        return jobs;
    }

    private static DashboardSnapshot snapshot(int jobCount, List<String> events) {
        return new DashboardSnapshot(status(), jobs(jobCount), 0, null, events, true, "21:04:05");
    }

    @Test
    void theGreenLineShowsPowerEnergyCarbonRatingAndASparklineOfRecentPower() {
        EnergyJson energy = new EnergyJson(
                400, "full", 7.5, List.of(), new EnergyJson.Cluster(1.25, 0.000_012, 0.0048, 30, 2_500.0, "A+"));
        DashboardSnapshot shot = new DashboardSnapshot(
                status(), jobs(2), 0, null, List.of(), true, "21:04:05", energy, List.of(0.0, 0.5, 1.0, 0.25));
        String screen = String.join("\n", DashboardRenderer.render(shot, 140, 40, 0));
        assertThat(screen).contains("energy: 1.25 W now, 0.012 Wh, 0.005 g CO2 at 400 g/kWh, rating A+  ▁▅█▃");
        assertThat(DashboardRenderer.energyLine(snapshot(1, List.of()))).contains("no node answers /api/v1/energy");
    }

    @Test
    void aFrameShowsTheClusterNodesNewestJobsFirstAndEventsWithinTheScreen() {
        List<String> events = List.of("21:04:01 task job-9.0 state=RUNNING", "21:04:02 task job-9.0 state=SUCCEEDED");
        List<String> lines = DashboardRenderer.render(snapshot(10, events), 140, 40, 0);
        String screen = String.join("\n", lines);
        assertThat(lines.get(0))
                .startsWith("bftswarm demo: n = 4, f = 1, view 1, primary node 1")
                .endsWith("21:04:05");
        assertThat(screen).contains("http://127.0.0.1:8083").contains("down");
        assertThat(screen.indexOf("job-9 ")).isPositive().isLessThan(screen.indexOf("job-8 "));
        assertThat(screen.indexOf("job-1 ")).isLessThan(screen.indexOf("job-0 "));
        assertThat(screen).contains("page 1/1").contains("state=SUCCEEDED").contains("q quit");
        assertThat(lines)
                .hasSizeLessThanOrEqualTo(40)
                .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(140));
    }

    @Test
    void manyJobsArePagedAndEveryJobIsOnExactlyOnePage() {
        DashboardSnapshot shot = snapshot(60, List.of());
        int pages = DashboardRenderer.pages(shot, 80, 30);
        assertThat(pages).isGreaterThan(1);
        List<String> seen = new ArrayList<>();
        for (int page = 0; page < pages; page++) {
            List<String> lines = DashboardRenderer.render(shot, 80, 30, page);
            assertThat(lines).hasSizeLessThanOrEqualTo(30);
            assertThat(String.join("\n", lines)).contains("page " + (page + 1) + "/" + pages);
            lines.stream()
                    .filter(l -> l.startsWith("job-"))
                    .map(l -> l.split(" ")[0])
                    .forEach(seen::add);
        }
        assertThat(seen).hasSize(60).doesNotHaveDuplicates();
        assertThat(seen.get(0)).isEqualTo("job-59");
        assertThat(DashboardRenderer.render(shot, 80, 30, 99))
                .contains(DashboardRenderer.render(shot, 80, 30, pages - 1).get(0));
    }

    @Test
    void aClusterThatDoesNotAnswerShowsWhyInsteadOfJobs() {
        DashboardSnapshot shot = new DashboardSnapshot(
                status(), List.of(), null, "no node of the cluster answered:\n  ...", List.of(), true, "21:04:05");
        String screen = String.join("\n", DashboardRenderer.render(shot, 60, 20, 0));
        assertThat(screen).contains("no node of the cluster answered:").contains("(none yet)");
        assertThat(DashboardRenderer.render(shot, 60, 20, 0))
                .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(60));
    }

    @Test
    void anEventBecomesOneLineWithItsKindIdAndPayload() throws Exception {
        String json = "{\"kind\":\"task\",\"id\":\"job-1.0\",\"payload\":{\"state\":\"RUNNING\",\"node\":2,"
                + "\"consensusSequence\":83,\"timestamp\":1796421629363},\"sequence\":7}";
        assertThat(EventFeed.line(new ObjectMapper().readTree(json), LocalTime.of(21, 4, 5)))
                .isEqualTo("21:04:05 task job-1.0 state=RUNNING node=2");
    }

    @Test
    void aNarrowScreenGetsANarrowNodeTableWithEveryNodeUnclipped() {
        List<String> wide = DashboardRenderer.render(snapshot(1, List.of()), 200, 40, 0);
        assertThat(String.join("\n", wide)).contains("http://127.0.0.1:8080");
        List<String> narrow = DashboardRenderer.render(snapshot(1, List.of()), 80, 40, 0);
        List<String> nodeRows =
                narrow.stream().filter(l -> l.matches("^[0-3] .*")).toList();
        assertThat(nodeRows).hasSize(4).allSatisfy(l -> assertThat(l).doesNotEndWith("…"));
        assertThat(nodeRows.get(3)).contains("down");
        assertThat(String.join("\n", narrow)).doesNotContain("http://");
    }
}
