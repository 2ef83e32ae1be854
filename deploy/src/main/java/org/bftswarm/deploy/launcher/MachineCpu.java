package org.bftswarm.deploy.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Busy CPU time of the whole machine, from the first line of {@code /proc/stat} (every process,
 * short-lived ones included: runc, shims, the docker CLI). The task benchmark divides the busy time
 * of each phase by its tasks to show what one task costs the machine, the cluster's share included.
 */
final class MachineCpu {
    /** Linux reports /proc/stat in USER_HZ ticks, 100 per second on every architecture we run on. */
    private static final long MILLIS_PER_TICK = 10;

    private static final Path STAT = Path.of("/proc/stat");

    private MachineCpu() {}

    /** Busy milliseconds since boot (all CPUs, idle and iowait excluded), or empty where unknown. */
    static OptionalLong busyMillis() {
        try {
            return parseBusyMillis(Files.readAllLines(STAT).get(0));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** The busy milliseconds in a {@code cpu  user nice system idle iowait irq softirq steal …} line. */
    static OptionalLong parseBusyMillis(String cpuLine) {
        String[] f = cpuLine.trim().split("\\s+");
        if (f.length < 6 || !f[0].equals("cpu")) {
            return OptionalLong.empty();
        }
        long busy = 0;
        // guest and guest_nice (fields 9 and 10) are already counted in user and nice
        for (int i = 1; i < Math.min(f.length, 9); i++) {
            if (i != 4 && i != 5) {
                busy += Long.parseLong(f[i]);
            }
        }
        return OptionalLong.of(busy * MILLIS_PER_TICK);
    }
}
