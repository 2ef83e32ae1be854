package org.bftswarm.consensus.sim;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.bftswarm.consensus.core.Quorums;

/**
 * The command-line options of a seed runner ({@link SimulationRunner#main}, and runners of other
 * workloads built on it): {@code --seeds N --seed FIRST --replicas n --byzantine K}, plus the extra
 * flags a runner names, each taking one value; and the rule a run must satisfy: n = 3f+1 ≥ 4,
 * 0 ≤ K ≤ f (K defaults to f), at least one seed.
 *
 * @param byzantine the {@code --byzantine} given, null for the default f
 * @param extra     the values of the runner's own flags that were given, by flag
 */
public record SimOptions(int seeds, int replicas, Integer byzantine, long firstSeed, Map<String, String> extra) {
    public static final int DEFAULT_SEEDS = 10;
    public static final int DEFAULT_REPLICAS = 4;
    public static final long DEFAULT_FIRST_SEED = 1;
    private static final Set<String> COMMON_FLAGS = Set.of("--seeds", "--seed", "--replicas", "--byzantine");

    public SimOptions {
        extra = Collections.unmodifiableMap(new TreeMap<>(extra));
    }

    /**
     * Parses {@code args}; {@code extraFlags} are the runner's own flags (e.g. {@code --variant}).
     *
     * @throws IllegalArgumentException naming an unknown argument, a flag without a value or a value that is not a
     *     number
     */
    public static SimOptions parse(String[] args, Set<String> extraFlags) {
        int seeds = DEFAULT_SEEDS;
        int replicas = DEFAULT_REPLICAS;
        Integer byzantine = null;
        long first = DEFAULT_FIRST_SEED;
        Map<String, String> extra = new TreeMap<>();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (!COMMON_FLAGS.contains(flag) && !extraFlags.contains(flag)) {
                throw new IllegalArgumentException("unknown argument " + flag);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String value = args[++i];
            switch (flag) {
                case "--seeds" -> seeds = (int) number(flag, value);
                case "--seed" -> first = number(flag, value);
                case "--replicas" -> replicas = (int) number(flag, value);
                case "--byzantine" -> byzantine = (int) number(flag, value);
                default -> extra.put(flag, value);
            }
        }
        return new SimOptions(seeds, replicas, byzantine, first, extra);
    }

    /** f = (n-1)/3 of n replicas. */
    public int f() {
        return Quorums.faultsTolerated(replicas);
    }

    /** The Byzantine replicas to run: {@code --byzantine}, or f when it was not given. */
    public int byzantineOrF() {
        return byzantine == null ? f() : byzantine;
    }

    /** A runner flag's value, or {@code fallback} when it was not given. */
    public String extra(String flag, String fallback) {
        return extra.getOrDefault(flag, fallback);
    }

    /** What makes these options unrunnable, empty when they can run. */
    public Optional<String> problem() {
        return problem(seeds, replicas, byzantine);
    }

    /** What makes a run of {@code seeds} seeds on {@code replicas} replicas unrunnable, empty when it can run. */
    public static Optional<String> problem(int seeds, int replicas, Integer byzantine) {
        if (replicas < 4) {
            return Optional.of("--replicas must be at least 4 (f = (n-1)/3 >= 1), got " + replicas);
        }
        int f = Quorums.faultsTolerated(replicas);
        int byz = byzantine == null ? f : byzantine;
        if (byz < 0 || byz > f || seeds < 1) {
            return Optional.of("--byzantine must be in [0," + f + "] and --seeds >= 1");
        }
        return Optional.empty();
    }

    private static long number(String flag, String value) {
        try {
            long parsed = Long.parseLong(value);
            if (!flag.equals("--seed") && (parsed < Integer.MIN_VALUE || parsed > Integer.MAX_VALUE)) {
                throw new NumberFormatException("out of range");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a whole number, got " + value);
        }
    }
}
