package org.bftswarm.deploy.dashboard;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.bftswarm.api.EnergyJson;
import org.bftswarm.api.JobJson;
import org.bftswarm.deploy.launcher.ApiClient;
import org.bftswarm.deploy.launcher.ApiException;
import org.bftswarm.deploy.launcher.ClusterInspector;
import org.bftswarm.deploy.launcher.ClusterStatus;
import org.bftswarm.deploy.launcher.ClusterTarget;

/**
 * Takes {@link DashboardSnapshot}s of a cluster: the {@code status} inspection, the job list from
 * the first node that answers (one node's word, named on screen), the event feed's recent lines, and
 * the energy figures with the cluster power of the last looks.
 */
public final class DashboardSource implements AutoCloseable {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    /** How many looks of cluster power the sparkline shows. */
    private static final int POWER_HISTORY = 40;

    private final ClusterInspector inspector;
    private final ApiClient api;
    private final EventFeed events;
    private final boolean live;
    private final Deque<Double> power = new ArrayDeque<>();

    /** @param live whether to subscribe to the event stream (a one-shot frame does not wait for events) */
    public DashboardSource(ClusterTarget target, ApiClient api, boolean live) {
        this.inspector = new ClusterInspector(target);
        this.api = api;
        this.events = new EventFeed(target.apiUrls());
        this.live = live;
    }

    public DashboardSnapshot take() {
        ClusterStatus status = inspector.inspect();
        List<JobJson> jobs = List.of();
        Integer from = null;
        String problem = null;
        try {
            jobs = api.jobs();
            from = api.preferred();
        } catch (ApiException e) {
            problem = e.getMessage();
        }
        if (live) {
            events.ensureConnected();
        }
        EnergyJson energy = null;
        for (int node = 0; node < api.nodeCount() && energy == null; node++) {
            energy = api.energy(node).orElse(null);
        }
        if (energy != null) {
            power.addLast(energy.cluster().powerWatts());
            while (power.size() > POWER_HISTORY) {
                power.removeFirst();
            }
        }
        return new DashboardSnapshot(
                status,
                jobs,
                from,
                problem,
                events.recent(),
                live,
                CLOCK.format(LocalTime.now()),
                energy,
                List.copyOf(power));
    }

    @Override
    public void close() {
        events.close();
    }
}
