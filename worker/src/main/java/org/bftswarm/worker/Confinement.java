package org.bftswarm.worker;

/**
 * The per-job part of a task container's confinement; the fixed part (every capability dropped,
 * no-new-privileges, swap equal to memory, a tmpfs {@code /tmp}) is the same for every container.
 *
 * @param pids           most processes and threads at once; a fork bomb ends there
 * @param user           {@code name}, {@code uid} or {@code uid:gid} the command runs as, or null for the
 *                       image's own user
 * @param readOnlyRootfs whether the root filesystem is read-only ({@code /tmp} stays writable)
 */
public record Confinement(long pids, String user, boolean readOnlyRootfs) {
    /** The default pids limit, the same as the job spec's. */
    public static final long DEFAULT_PIDS = 256;
    /** Every option at its default. */
    public static final Confinement DEFAULT = new Confinement(DEFAULT_PIDS, null, false);

    public Confinement {
        if (pids <= 0) {
            throw new IllegalArgumentException("pids must be positive, got " + pids);
        }
        if (user != null && (user.isBlank() || user.indexOf('\0') >= 0)) {
            throw new IllegalArgumentException("user must be null or a non-blank string without NUL");
        }
    }
}
