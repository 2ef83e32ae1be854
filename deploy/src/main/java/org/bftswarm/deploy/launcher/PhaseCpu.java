package org.bftswarm.deploy.launcher;

import java.util.OptionalLong;
import java.util.concurrent.Callable;

/**
 * Machine busy time (all processes, from {@link MachineCpu}) summed over the runs of one bench phase;
 * unknown as soon as one reading was missing. Used by one thread.
 */
final class PhaseCpu {
    private long millis;
    private boolean known = true;

    /** Runs {@code run}, adds the machine's busy time meanwhile, and returns what {@code run} returned. */
    long measure(Callable<Long> run) throws Exception {
        OptionalLong before = MachineCpu.busyMillis();
        long elapsed = run.call();
        OptionalLong after = MachineCpu.busyMillis();
        if (before.isPresent() && after.isPresent()) {
            millis += after.getAsLong() - before.getAsLong();
        } else {
            known = false;
        }
        return elapsed;
    }

    boolean known() {
        return known;
    }

    long millis() {
        return millis;
    }
}
