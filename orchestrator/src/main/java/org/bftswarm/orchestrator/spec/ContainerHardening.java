package org.bftswarm.orchestrator.spec;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The per-job options of a task container's confinement; everything else about it is fixed, never
 * asked for (all capabilities dropped, no privilege gain, swap equal to memory, a tmpfs {@code /tmp},
 * no privileged mode, host namespaces, devices or mounts).
 *
 * @param pids           most processes and threads the container may hold at once (default
 *                       {@value #DEFAULT_PIDS}), so a fork bomb ends there
 * @param user           the user (and optional group) the command runs as, {@code name}, {@code uid} or
 *                       {@code uid:gid}; null keeps the image's own user
 * @param readOnlyRootfs whether the root filesystem is mounted read-only (default false; {@code /tmp}
 *                       stays writable)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContainerHardening(Integer pids, String user, Boolean readOnlyRootfs) {

    public static final int DEFAULT_PIDS = 256;

    /** Every option at its default. */
    public static final ContainerHardening DEFAULT = new ContainerHardening(DEFAULT_PIDS, null, false);

    /** Defaults filled: {@code hardening} may be null (every option absent). */
    public static ContainerHardening normalized(ContainerHardening hardening) {
        if (hardening == null) {
            return DEFAULT;
        }
        return new ContainerHardening(
                hardening.pids == null ? DEFAULT_PIDS : hardening.pids,
                hardening.user,
                hardening.readOnlyRootfs != null && hardening.readOnlyRootfs);
    }
}
