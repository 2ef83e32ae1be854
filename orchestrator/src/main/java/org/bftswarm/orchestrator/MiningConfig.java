package org.bftswarm.orchestrator;

import java.util.Locale;
import org.bftswarm.crypto.Invariants;
import org.bftswarm.orchestrator.mine.DifficultyPreset;
import org.bftswarm.orchestrator.mine.HashHex;

/**
 * The cluster's mining parameters, identical on every replica (from the cluster configuration):
 * the hash the chain grows from ({@code genesisHash}, displayed form; default the Bitcoin genesis
 * block), whether the cluster mines block after block by itself, every {@code intervalSeconds} of
 * batch time after the previous block, at {@code difficulty}, and how many units each node that
 * runs tasks holds at once.
 */
public record MiningConfig(
        String genesisHash, boolean autoEnabled, int intervalSeconds, String difficulty, int unitsPerNode) {

    public static final String BITCOIN_GENESIS = "000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f";
    public static final int DEFAULT_INTERVAL_SECONDS = 15;
    public static final String DEFAULT_DIFFICULTY = "medium";
    public static final int DEFAULT_UNITS_PER_NODE = 2;
    public static final MiningConfig DEFAULTS = new MiningConfig(
            BITCOIN_GENESIS, false, DEFAULT_INTERVAL_SECONDS, DEFAULT_DIFFICULTY, DEFAULT_UNITS_PER_NODE);

    public MiningConfig {
        Invariants.check(HashHex.isHash(genesisHash), "genesisHash must be 64 hex digits, got %s", genesisHash);
        Invariants.check(intervalSeconds >= 1, "intervalSeconds must be >= 1, got %s", intervalSeconds);
        Invariants.check(DifficultyPreset.named(difficulty).isPresent(), "unknown difficulty %s", difficulty);
        Invariants.check(unitsPerNode >= 1 && unitsPerNode <= 16, "unitsPerNode must be 1..16, got %s", unitsPerNode);
    }

    /** The same parameters with automatic chain mining on or off. */
    public MiningConfig withAuto(boolean enabled, int interval, String preset) {
        return new MiningConfig(genesisHash, enabled, interval, preset, unitsPerNode);
    }

    /** The same parameters growing the chain from {@code hash}. */
    public MiningConfig withGenesis(String hash) {
        return new MiningConfig(hash.toLowerCase(Locale.ROOT), autoEnabled, intervalSeconds, difficulty, unitsPerNode);
    }
}
