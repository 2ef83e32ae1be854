package org.bftswarm.node.energy;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Reads what {@link EnergyMeter} needs from this host: the node process's CPU time, the CPU time of
 * task containers from their cgroups (v2 {@code cpu.stat}, or v1 {@code cpuacct.usage}, under the
 * layouts Docker uses with the cgroupfs and systemd drivers), and the RAPL package energy counters of
 * {@code /sys/class/powercap} when they are readable (summed over packages). Every probe answers
 * "unknown" rather than failing.
 */
public final class HostEnergyProbes {
    private static final Path CGROUP = Path.of("/sys/fs/cgroup");
    private static final Path POWERCAP = Path.of("/sys/class/powercap");

    private final Path cgroupRoot;
    private final Path powercapRoot;

    public HostEnergyProbes() {
        this(CGROUP, POWERCAP);
    }

    /** Probes under other roots (tests). */
    public HostEnergyProbes(Path cgroupRoot, Path powercapRoot) {
        this.cgroupRoot = cgroupRoot;
        this.powercapRoot = powercapRoot;
    }

    /** CPU time used by this JVM so far, in milliseconds, or 0 when the platform does not say. */
    public long processCpuMillis() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean sun) {
            long nanos = sun.getProcessCpuTime();
            return nanos < 0 ? 0 : nanos / 1_000_000;
        }
        return 0;
    }

    /** CPU time used so far by the container {@code id}, in milliseconds, when its cgroup is found. */
    public OptionalLong containerCpuMillis(String id) {
        List<Path> v2 = List.of(
                cgroupRoot
                        .resolve("system.slice")
                        .resolve("docker-" + id + ".scope")
                        .resolve("cpu.stat"),
                cgroupRoot.resolve("docker").resolve(id).resolve("cpu.stat"),
                cgroupRoot.resolve("unified").resolve("docker").resolve(id).resolve("cpu.stat"));
        for (Path p : v2) {
            OptionalLong micros = usageMicros(p);
            if (micros.isPresent()) {
                return OptionalLong.of(micros.getAsLong() / 1000);
            }
        }
        Path v1 = cgroupRoot.resolve("cpuacct").resolve("docker").resolve(id).resolve("cpuacct.usage");
        return readLong(v1).stream().map(nanos -> nanos / 1_000_000).findFirst();
    }

    /** The sum of the RAPL package counters in microjoules, or empty when none is readable. */
    public OptionalLong raplMicrojoules() {
        if (!Files.isDirectory(powercapRoot)) {
            return OptionalLong.empty();
        }
        List<Path> packages = new ArrayList<>();
        try (Stream<Path> zones = Files.list(powercapRoot)) {
            zones.filter(z -> {
                        String name = z.getFileName().toString();
                        // package domains only (intel-rapl:0), not their sub-zones (intel-rapl:0:0)
                        return name.startsWith("intel-rapl:") && name.indexOf(':') == name.lastIndexOf(':');
                    })
                    .sorted()
                    .forEach(packages::add);
        } catch (IOException | SecurityException e) {
            return OptionalLong.empty();
        }
        long sum = 0;
        boolean any = false;
        for (Path zone : packages) {
            OptionalLong v = readLong(zone.resolve("energy_uj"));
            if (v.isPresent()) {
                sum += v.getAsLong();
                any = true;
            }
        }
        return any ? OptionalLong.of(sum) : OptionalLong.empty();
    }

    private static OptionalLong usageMicros(Path cpuStat) {
        try {
            for (String line : Files.readAllLines(cpuStat)) {
                if (line.startsWith("usage_usec ")) {
                    return OptionalLong.of(Long.parseLong(
                            line.substring("usage_usec ".length()).trim()));
                }
            }
        } catch (IOException | SecurityException | NumberFormatException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    private static OptionalLong readLong(Path file) {
        try {
            return OptionalLong.of(Long.parseLong(Files.readString(file).trim()));
        } catch (IOException | SecurityException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
