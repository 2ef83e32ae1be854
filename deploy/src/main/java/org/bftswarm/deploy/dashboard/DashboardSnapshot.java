package org.bftswarm.deploy.dashboard;

import java.util.List;
import org.bftswarm.api.JobJson;
import org.bftswarm.deploy.launcher.ClusterStatus;

/**
 * One look at the cluster for the dashboard: the {@code status} view (n, f, view, primary, every
 * node's process and progress), the jobs as one node reported them ({@code jobsFrom}; empty with
 * {@code jobsProblem} when no node answered), the most recent events (oldest first; only a {@code live}
 * view subscribes to them), and the wall-clock time of the look ({@code clock}, HH:MM:SS).
 */
public record DashboardSnapshot(
        ClusterStatus status,
        List<JobJson> jobs,
        Integer jobsFrom,
        String jobsProblem,
        List<String> events,
        boolean live,
        String clock) {
    public DashboardSnapshot {
        jobs = List.copyOf(jobs);
        events = List.copyOf(events);
    }
}
