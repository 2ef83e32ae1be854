package org.bftswarm.api;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The job fields a client might send to reach its node's host, none of which a job can ask for:
 * privileged mode, host namespaces (network, PID, IPC, UTS, user), devices, mounts and volumes, added
 * capabilities, security options and raw host configuration. They are no fields of a submission, so
 * they fail like any unknown field, but with a message that says why (matched ignoring case,
 * {@code _} and {@code -}, so {@code cap_add} and {@code CapAdd} are caught as well as {@code capAdd}).
 */
final class HostAccessFields {
    private static final String NAMESPACES = "a task shares no namespace with its node";
    private static final Map<String, String> WHY = new TreeMap<>();

    static {
        WHY.put("privileged", "task containers never run privileged");
        WHY.put("devices", "task containers get no host devices");
        WHY.put("devicerequests", "task containers get no host devices");
        WHY.put("mounts", "task containers get no host mounts");
        WHY.put("binds", "task containers get no host mounts");
        WHY.put("volumes", "task containers get no host mounts");
        WHY.put("volumesfrom", "task containers get no host mounts");
        WHY.put("tmpfs", "task containers get only their own tmpfs /tmp");
        WHY.put("capadd", "task containers run with every capability dropped");
        WHY.put("capabilities", "task containers run with every capability dropped");
        WHY.put("securityopt", "task containers always run with no-new-privileges and the default profiles");
        WHY.put("pidmode", NAMESPACES);
        WHY.put("networkmode", NAMESPACES + " (the field is network: none or bridge)");
        WHY.put("ipcmode", NAMESPACES);
        WHY.put("utsmode", NAMESPACES);
        WHY.put("usernsmode", NAMESPACES);
        WHY.put("cgroupnsmode", NAMESPACES);
        WHY.put("cgroupparent", "task containers stay in their node's cgroup for tasks");
        WHY.put("hostconfig", "the container's host configuration is fixed by the node");
        WHY.put("sysctls", "the container's kernel settings are fixed by the node");
        WHY.put("ulimits", "the container's limits come from the job's cpus, memoryMb and pids");
    }

    private HostAccessFields() {}

    /** Why {@code field} is refused, or null when it is no host-access field. */
    static String refusal(String field) {
        if (field == null) {
            return null;
        }
        String key = field.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        String why = WHY.get(key);
        return why == null ? null : why + "; a job cannot ask for privileged mode, host namespaces, devices or mounts";
    }
}
