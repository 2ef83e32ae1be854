package org.bftswarm.node.energy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bftswarm.state.view.NodeEnergy;

/**
 * Samples this node's CPU time (its process and its task containers) and the host's RAPL counter,
 * feeds them to an {@link EnergyMeter}, and says what to publish. Called from the node's
 * maintenance thread only.
 */
public final class EnergySampler {
    private final int nodeId;
    private final HostEnergyProbes probes;
    private final EnergyMeter meter;
    private final ContainerCpuLedger containers = new ContainerCpuLedger();
    private volatile EnergyMeter.Reading latest = new EnergyMeter.Reading(0, 0, 0, EnergyMeter.Source.TDP);

    public EnergySampler(int nodeId, HostEnergyProbes probes, double tdpWatts, double cores) {
        this.nodeId = nodeId;
        this.probes = probes;
        this.meter = new EnergyMeter(tdpWatts, cores);
    }

    /** Takes one sample at {@code nowMillis} with the ids of the containers running here. */
    public EnergyMeter.Reading sample(long nowMillis, List<String> runningContainers) {
        Map<String, Long> figures = new TreeMap<>();
        for (String id : runningContainers) {
            probes.containerCpuMillis(id).ifPresent(ms -> figures.put(id, ms));
        }
        long cpu = probes.processCpuMillis() + containers.total(figures);
        latest = meter.observe(nowMillis, cpu, probes.raplMicrojoules());
        return latest;
    }

    /** The last reading (the maintenance thread writes it, any thread may read it). */
    public EnergyMeter.Reading latest() {
        return latest;
    }

    /** The last reading as this node's signed CRDT record. */
    public NodeEnergy record() {
        EnergyMeter.Reading r = latest;
        return new NodeEnergy(
                nodeId,
                r.powerMilliwatts(),
                r.energyMillijoules(),
                r.cpuMillis(),
                r.source().label());
    }
}
