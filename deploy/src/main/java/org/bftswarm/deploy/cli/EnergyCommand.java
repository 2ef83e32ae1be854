package org.bftswarm.deploy.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import org.bftswarm.api.EnergyJson;
import org.bftswarm.deploy.launcher.ApiClient;
import org.bftswarm.deploy.launcher.ApiOptions;
import org.bftswarm.deploy.launcher.ClusterTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bftswarm energy}: power, energy, carbon and the efficiency rating, per node and for the cluster. */
@Command(
        name = "energy",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Print each node's power (W), energy (kWh), carbon (g CO2) and rating, and the cluster's, as the first"
                    + " node that answers knows them (GET /api/v1/energy). Each node measures itself: RAPL when the"
                    + " host exposes it (source rapl), else its device class's TDP scaled by the CPU its process and"
                    + " its task containers use (source tdp). Carbon = kWh × energy.carbonIntensityGco2PerKwh.",
            "Rating (tasks succeeded per Wh): A+ ≥ 500, A ≥ 200, B ≥ 100, C ≥ 50, D ≥ 20, E ≥ 5, else F."
        },
        footerHeading = "%nExamples:%n",
        footer = {"  ./bftswarm energy", "  ./bftswarm energy --json", "  ./bftswarm energy --watch"})
public final class EnergyCommand extends ClusterCommand {
    private static final long WATCH_MILLIS = 2_000;
    private static final String CLEAR_SCREEN = "\033[H\033[2J";

    @Mixin
    ApiOptions apiOptions;

    @Option(names = "--json", description = "Print the API's JSON (with --watch: one document per line).")
    boolean json;

    @Option(names = "--watch", description = "Print again every 2 s until interrupted (Ctrl-C).")
    boolean watch;

    @Override
    int run(ClusterTarget target, PrintWriter out, PrintWriter err) throws Exception {
        ApiClient api = apiOptions.client(target, null);
        do {
            Optional<EnergyJson> energy = firstAnswer(api);
            if (energy.isEmpty()) {
                err.println(
                        "bftswarm energy: no node answers GET /api/v1/energy (is the cluster up? ./bftswarm status)");
                err.flush();
                if (!watch) {
                    return 1;
                }
            } else if (json) {
                out.println(
                        watch
                                ? api.json().writeValueAsString(energy.get())
                                : api.json().writerWithDefaultPrettyPrinter().writeValueAsString(energy.get()));
            } else {
                out.print((watch ? CLEAR_SCREEN : "") + table(energy.get()));
            }
            out.flush();
            if (watch) {
                Thread.sleep(WATCH_MILLIS);
            }
        } while (watch);
        return 0;
    }

    private static Optional<EnergyJson> firstAnswer(ApiClient api) {
        for (int node = 0; node < api.nodeCount(); node++) {
            Optional<EnergyJson> e = api.energy(node);
            if (e.isPresent()) {
                return e;
            }
        }
        return Optional.empty();
    }

    /** The text form: one line for the cluster, then a table of the nodes. */
    static String table(EnergyJson e) {
        StringBuilder b = new StringBuilder();
        EnergyJson.Cluster c = e.cluster();
        b.append(String.format(
                Locale.ROOT,
                "cluster: %.2f W now, %.6f kWh, %.3f g CO2 at %.0f g/kWh, %d tasks succeeded, %s, rating %s%n",
                c.powerWatts(),
                c.energyKwh(),
                c.carbonGrams(),
                e.carbonIntensityGco2PerKwh(),
                c.tasksSucceeded(),
                c.tasksPerWattHour() == null
                        ? "no energy measured yet"
                        : String.format(Locale.ROOT, "%.1f tasks/Wh", c.tasksPerWattHour()),
                c.rating() == null ? "-" : c.rating()));
        b.append(String.format(
                Locale.ROOT,
                "%-5s %-9s %-8s %8s %12s %10s %9s %6s %6s%n",
                "node",
                "class",
                "source",
                "power W",
                "energy kWh",
                "CO2 g",
                "cpu s",
                "tasks",
                "rating"));
        for (EnergyJson.Node n : e.nodes()) {
            b.append(String.format(
                    Locale.ROOT,
                    "%-5d %-9s %-8s %8.2f %12.6f %10.3f %9.1f %6d %6s%n",
                    n.id(),
                    n.deviceClass(),
                    n.source(),
                    n.powerWatts(),
                    n.energyKwh(),
                    n.carbonGrams(),
                    n.cpuSeconds(),
                    n.tasksSucceeded(),
                    n.rating() == null ? "-" : n.rating()));
        }
        b.append(String.format(Locale.ROOT, "device class %s: TDP %.1f W%n", e.deviceClass(), e.tdpWatts()));
        return b.toString();
    }
}
