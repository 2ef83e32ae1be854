package org.bftswarm.worker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings Docker in line with the replicated schedule when a node (re)starts:
 * lists the containers labelled with our swarm and node, lets {@link ReconcilePlan} decide, then
 * adopts the ones still assigned here into the {@link ContainerRunner} and kills or removes the
 * rest. Also removes every container of a swarm for {@code down --cleanup}.
 */
public final class Reconciler {
    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    private final DockerClient docker;
    private final ContainerRunner runner;

    public Reconciler(DockerClient docker, ContainerRunner runner) {
        this.docker = docker;
        this.runner = runner;
    }

    /**
     * Reconciles this node's containers.
     *
     * @param stillAssigned whether the local replica's state still assigns the attempt to this node
     * @param observers     the observer to report each adopted attempt to
     */
    public ReconcileReport reconcile(
            String swarm,
            int nodeId,
            Predicate<AttemptKey> stillAssigned,
            Function<AttemptKey, TaskObserver> observers) {
        List<ObservedContainer> ours = list(swarm, nodeId);
        List<ReconcileAction> actions = ReconcilePlan.decide(ours, stillAssigned, runner.active());
        List<ReconcileAction> done = new ArrayList<>();
        for (ReconcileAction a : actions) {
            switch (a.kind()) {
                case ADOPT -> {
                    if (runner.adopt(a.containerId(), a.attempt(), a.timeoutSeconds(), observers.apply(a.attempt()))) {
                        done.add(a);
                    } else {
                        kill(a.containerId());
                        done.add(new ReconcileAction(
                                ReconcileAction.Kind.KILL, a.containerId(), a.attempt(), a.timeoutSeconds()));
                    }
                }
                case KILL -> {
                    kill(a.containerId());
                    done.add(a);
                }
                case REMOVE -> {
                    remove(a.containerId());
                    done.add(a);
                }
                case IGNORE -> done.add(a);
            }
        }
        ReconcileReport report = new ReconcileReport(done);
        LOG.info(
                "reconciled {} container(s) of swarm {} node {}: adopted {}, killed {}, removed {}",
                done.size(),
                swarm,
                nodeId,
                report.adopted().size(),
                report.killed().size(),
                report.of(ReconcileAction.Kind.REMOVE).size());
        return report;
    }

    /** Force-removes every container labelled with {@code swarm}, on any node; returns how many. */
    public int removeAll(String swarm) {
        int removed = 0;
        for (ObservedContainer c : list(swarm, null)) {
            if (remove(c.id())) {
                removed++;
            }
        }
        return removed;
    }

    /** Containers (any state) labelled with {@code swarm} and, when given, {@code nodeId}; sorted by id. */
    public List<ObservedContainer> list(String swarm, Integer nodeId) {
        Map<String, String> filter = new TreeMap<>();
        filter.put(ContainerLabels.SWARM, swarm);
        if (nodeId != null) {
            filter.put(ContainerLabels.NODE, Integer.toString(nodeId));
        }
        List<ObservedContainer> out = new ArrayList<>();
        for (Container c : docker.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(filter)
                .exec()) {
            out.add(new ObservedContainer(c.getId(), c.getState(), c.getLabels()));
        }
        out.sort(Comparator.comparing(ObservedContainer::id));
        return out;
    }

    private void kill(String id) {
        try {
            docker.killContainerCmd(id).exec();
        } catch (NotFoundException e) {
            LOG.debug("kill {}: already gone", AttemptExecution.shortId(id));
        } catch (RuntimeException e) {
            remove(id);
        }
    }

    private boolean remove(String id) {
        try {
            docker.removeContainerCmd(id).withForce(true).exec();
            return true;
        } catch (NotFoundException e) {
            return true;
        } catch (ConflictException e) {
            // removal already in progress (AutoRemove racing us): it is going away
            return true;
        } catch (RuntimeException e) {
            LOG.warn("cannot remove container {}: {}", AttemptExecution.shortId(id), AttemptExecution.describe(e));
            return false;
        }
    }
}
