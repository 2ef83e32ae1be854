package org.bftswarm.deploy.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * CPU time and resident memory of one process, from {@code /proc/<pid>/stat} (utime + stime, fields
 * 14 and 15, in USER_HZ ticks of 10 ms) and {@code /proc/<pid>/status} ({@code VmRSS}). Every thread
 * of the process is included; a process that has exited reads as empty.
 */
final class ProcessCpu {
    private static final long MILLIS_PER_TICK = 10;

    private ProcessCpu() {}

    /** User + system CPU milliseconds the process has used since it started. */
    static OptionalLong cpuMillis(long pid) {
        try {
            return parseCpuMillis(
                    Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** Resident set size in KiB. */
    static OptionalLong rssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(
                            Long.parseLong(line.substring(6).trim().split("\\s+")[0]));
                }
            }
            return OptionalLong.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** utime + stime of a {@code /proc/<pid>/stat} line (fields counted after the parenthesised name). */
    static OptionalLong parseCpuMillis(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            return OptionalLong.empty();
        }
        String[] f = stat.substring(close + 2).trim().split("\\s+");
        if (f.length < 13) {
            return OptionalLong.empty();
        }
        // after the name: state is field 3 of the line, so utime (14) and stime (15) are at 11 and 12
        return OptionalLong.of((Long.parseLong(f[11]) + Long.parseLong(f[12])) * MILLIS_PER_TICK);
    }
}
