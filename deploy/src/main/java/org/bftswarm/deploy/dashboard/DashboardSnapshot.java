package org.bftswarm.deploy.dashboard;

import java.util.List;
import org.bftswarm.api.EnergyJson;
import org.bftswarm.api.JobJson;
import org.bftswarm.deploy.launcher.ClusterStatus;

/**
 * One look at the cluster for the dashboard: the {@code status} view (n, f, view, primary, every
 * node's process and progress), the jobs as one node reported them ({@code jobsFrom}; empty with
 * {@code jobsProblem} when no node answered), the most recent events (oldest first; only a {@code live}
 * view subscribes to them), the wall-clock time of the look ({@code clock}, HH:MM:SS), and the energy
 * figures of the first node that answers with the cluster's recent power (oldest first), when any answers.
 */
public record DashboardSnapshot(
        ClusterStatus status,
        List<JobJson> jobs,
        Integer jobsFrom,
        String jobsProblem,
        List<String> events,
        boolean live,
        String clock,
        EnergyJson energy,
        List<Double> powerHistory) {
    public DashboardSnapshot {
        jobs = List.copyOf(jobs);
        events = List.copyOf(events);
        powerHistory = List.copyOf(powerHistory);
    }

    /** A look without energy figures (no node answered {@code /api/v1/energy}). */
    public DashboardSnapshot(
            ClusterStatus status,
            List<JobJson> jobs,
            Integer jobsFrom,
            String jobsProblem,
            List<String> events,
            boolean live,
            String clock) {
        this(status, jobs, jobsFrom, jobsProblem, events, live, clock, null, List.of());
    }
}
