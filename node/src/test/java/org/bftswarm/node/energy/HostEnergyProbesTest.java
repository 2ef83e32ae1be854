package org.bftswarm.node.energy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostEnergyProbesTest {
    @TempDir
    Path root;

    @Test
    void containerCpuIsReadFromCgroupV2CpuStatUnderEitherDriver() throws Exception {
        Path cgroups = root.resolve("cgroup");
        write(cgroups.resolve("system.slice/docker-abc.scope/cpu.stat"), "usage_usec 2500000\nuser_usec 2000000\n");
        write(cgroups.resolve("docker/def/cpu.stat"), "usage_usec 1000\n");
        HostEnergyProbes probes = new HostEnergyProbes(cgroups, root.resolve("none"));
        assertThat(probes.containerCpuMillis("abc")).hasValue(2_500);
        assertThat(probes.containerCpuMillis("def")).hasValue(1);
        assertThat(probes.containerCpuMillis("missing")).isEmpty();
    }

    @Test
    void containerCpuFallsBackToCgroupV1Cpuacct() throws Exception {
        Path cgroups = root.resolve("cgroup");
        write(cgroups.resolve("cpuacct/docker/abc/cpuacct.usage"), "3000000000\n");
        assertThat(new HostEnergyProbes(cgroups, root).containerCpuMillis("abc"))
                .hasValue(3_000);
    }

    @Test
    void raplSumsPackageZonesAndSkipsTheirSubZones() throws Exception {
        Path powercap = root.resolve("powercap");
        write(powercap.resolve("intel-rapl:0/energy_uj"), "1000\n");
        write(powercap.resolve("intel-rapl:1/energy_uj"), "2000\n");
        write(powercap.resolve("intel-rapl:0:0/energy_uj"), "999999\n");
        assertThat(new HostEnergyProbes(root, powercap).raplMicrojoules()).hasValue(3_000);
        assertThat(new HostEnergyProbes(root, root.resolve("absent")).raplMicrojoules())
                .isEmpty();
    }

    @Test
    void theProcessCpuTimeIsReadable() {
        assertThat(new HostEnergyProbes().processCpuMillis()).isPositive();
    }

    private static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
