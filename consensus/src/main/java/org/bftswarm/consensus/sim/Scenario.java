package org.bftswarm.consensus.sim;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Everything one simulated run does, derived deterministically from (seed, n, byzantine):
 * which replicas are Byzantine and how, the network's drop / duplicate / delay rates, whether
 * partitions and crashes happen, the chaos duration, clients, and the liveness bound.
 */
public record Scenario(
        long seed,
        int n,
        int byzantine,
        Map<Integer, EnumSet<Behaviour>> byzantineReplicas,
        int clients,
        long chaosMillis,
        double dropRate,
        double duplicateRate,
        int maxDelayMs,
        boolean partitions,
        boolean crashes,
        int requestsAfterHeal,
        long livenessBoundMs,
        int healedMaxDelayMs) {
    /** Network delays after the heal of up to this many ms unless a scenario asks for a slower healed network. */
    public static final int HEALED_MAX_DELAY_MS = 3;

    /** A scenario whose healed network delivers within {@link #HEALED_MAX_DELAY_MS}. */
    public Scenario(
            long seed,
            int n,
            int byzantine,
            Map<Integer, EnumSet<Behaviour>> byzantineReplicas,
            int clients,
            long chaosMillis,
            double dropRate,
            double duplicateRate,
            int maxDelayMs,
            boolean partitions,
            boolean crashes,
            int requestsAfterHeal,
            long livenessBoundMs) {
        this(
                seed,
                n,
                byzantine,
                byzantineReplicas,
                clients,
                chaosMillis,
                dropRate,
                duplicateRate,
                maxDelayMs,
                partitions,
                crashes,
                requestsAfterHeal,
                livenessBoundMs,
                HEALED_MAX_DELAY_MS);
    }

    /** This scenario with Byzantine replicas {@code byz} (which must number at most f). */
    public Scenario withByzantine(Map<Integer, EnumSet<Behaviour>> byz) {
        return new Scenario(
                seed,
                n,
                byz.size(),
                byz,
                clients,
                chaosMillis,
                dropRate,
                duplicateRate,
                maxDelayMs,
                partitions,
                crashes,
                requestsAfterHeal,
                livenessBoundMs,
                healedMaxDelayMs);
    }

    /** This scenario with the given chaos-phase network and faults. */
    public Scenario withChaos(double drop, boolean withPartitions, boolean withCrashes) {
        return new Scenario(
                seed,
                n,
                byzantine,
                byzantineReplicas,
                clients,
                chaosMillis,
                drop,
                duplicateRate,
                maxDelayMs,
                withPartitions,
                withCrashes,
                requestsAfterHeal,
                livenessBoundMs,
                healedMaxDelayMs);
    }

    /** This scenario with a healed network that delivers after {@code maxDelay - 50 .. maxDelay} ms. */
    public Scenario withSlowHealedNetwork(int maxDelay) {
        return new Scenario(
                seed,
                n,
                byzantine,
                byzantineReplicas,
                clients,
                chaosMillis,
                dropRate,
                duplicateRate,
                maxDelayMs,
                partitions,
                crashes,
                requestsAfterHeal,
                livenessBoundMs,
                maxDelay);
    }

    public static Scenario derive(long seed, int n, int byzantine) {
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + n * 31L + byzantine);
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(i);
        }
        for (int i = ids.size() - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            Integer t = ids.get(i);
            ids.set(i, ids.get(j));
            ids.set(j, t);
        }
        if (byzantine > 0 && rnd.nextInt(2) == 0 && !ids.subList(0, byzantine).contains(0)) {
            ids.set(ids.indexOf(0), ids.get(0));
            ids.set(0, 0);
        }
        Behaviour[] all = Behaviour.values();
        TreeMap<Integer, EnumSet<Behaviour>> byz = new TreeMap<>();
        for (int k = 0; k < byzantine; k++) {
            EnumSet<Behaviour> b = EnumSet.noneOf(Behaviour.class);
            int count = 1 + rnd.nextInt(3);
            while (b.size() < count) {
                b.add(all[rnd.nextInt(all.length)]);
            }
            if (b.contains(Behaviour.SILENT) && b.size() > 1 && rnd.nextInt(2) == 0) {
                b.remove(Behaviour.SILENT);
            }
            byz.put(ids.get(k), b);
        }
        return new Scenario(
                seed,
                n,
                byzantine,
                byz,
                2 + rnd.nextInt(3),
                1500 + rnd.nextInt(1500),
                rnd.nextInt(4) == 0 ? 0.0 : rnd.nextDouble() * 0.15,
                rnd.nextDouble() * 0.08,
                2 + rnd.nextInt(40),
                rnd.nextInt(3) != 0,
                rnd.nextInt(2) == 0,
                3,
                60_000);
    }

    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append("seed=")
                .append(seed)
                .append(" n=")
                .append(n)
                .append(" byzantine=")
                .append(byzantine)
                .append(" {");
        byzantineReplicas.forEach(
                (id, b) -> sb.append(" r").append(id).append('=').append(b));
        sb.append(" } clients=")
                .append(clients)
                .append(" chaos_ms=")
                .append(chaosMillis)
                .append(String.format(" drop=%.3f dup=%.3f max_delay_ms=%d", dropRate, duplicateRate, maxDelayMs))
                .append(" partitions=")
                .append(partitions)
                .append(" crashes=")
                .append(crashes)
                .append(" liveness_bound_ms=")
                .append(livenessBoundMs)
                .append(" healed_max_delay_ms=")
                .append(healedMaxDelayMs);
        return sb.toString();
    }

    public String replayCommand() {
        return "./bftswarm sim --seeds 1 --replicas " + n + " --byzantine " + byzantine + " --seed " + seed;
    }
}
