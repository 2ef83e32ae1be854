package org.bftswarm.orchestrator.spec;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bftswarm.orchestrator.mine.BlockHeader;
import org.bftswarm.orchestrator.mine.DifficultyPreset;
import org.bftswarm.orchestrator.mine.HashHex;
import org.bftswarm.orchestrator.mine.MiningTarget;

/**
 * The limits of a job's {@link MineSpec}, part of the job-spec rulebook: no image, command, count or
 * dataset (a mine job runs the built-in hasher, one task per work unit); {@code data} 1 to
 * {@value #MAX_DATA_BYTES} bytes of UTF-8, or {@code merkle}, exactly one of them; {@code prev} and
 * {@code merkle} 64 hex digits; {@code time}, {@code nonceStart} and {@code nonceEnd} within u32,
 * {@code nonceEnd} not below {@code nonceStart}; at most one of {@code bits} (8 hex digits decoding
 * to a positive target of at most 256 bits), {@code difficulty} (a preset name) and {@code zeros}
 * (1 to 64); {@code unitSize} 1 to 2^32.
 */
public final class MineRules {
    public static final int MAX_DATA_BYTES = 64 * 1024;

    private MineRules() {}

    static void check(JobSpec spec, List<String> errors) {
        MineSpec m = spec.mine();
        if (spec.image() != null) {
            errors.add("image: a mine job runs the built-in hasher, not an image");
        }
        if (spec.command() != null && !spec.command().isEmpty()) {
            errors.add("command: a mine job runs the built-in hasher, not a command");
        }
        if (spec.data() != null) {
            errors.add("data: a mine job hashes text (mine.data), not a dataset");
        }
        if (spec.count() != null && spec.count() != JobSpec.DEFAULT_COUNT) {
            errors.add("count: a mine job runs one task per work unit; set unitSize instead");
        }
        if (m.data() == null && m.merkle() == null) {
            errors.add("data: is required (or merkle)");
        } else if (m.data() != null
                && m.merkle() != null
                && !m.merkle().equalsIgnoreCase(MineSpec.merkleOfData(m.data()))) {
            errors.add("merkle: give data or merkle, not both");
        }
        if (m.data() != null) {
            int bytes = m.data().getBytes(StandardCharsets.UTF_8).length;
            if (bytes == 0 || bytes > MAX_DATA_BYTES) {
                errors.add("data: must be 1 to " + MAX_DATA_BYTES + " bytes (got " + bytes + ")");
            }
        }
        checkHash("prev", m.prev(), errors);
        checkHash("merkle", m.merkle(), errors);
        checkU32("time", m.time(), errors);
        checkU32("nonceStart", m.nonceStart(), errors);
        checkU32("nonceEnd", m.nonceEnd(), errors);
        if (m.nonceStart() != null && m.nonceEnd() != null && m.nonceEnd() < m.nonceStart()) {
            errors.add("nonceEnd: must not be below nonceStart (got " + m.nonceEnd() + " < " + m.nonceStart() + ")");
        }
        int targets = (m.bits() != null ? 1 : 0) + (m.difficulty() != null ? 1 : 0) + (m.zeros() != null ? 1 : 0);
        if (targets > 1
                && !(m.bits() == null
                        && m.zeros() != null
                        && m.difficulty() != null
                        && DifficultyPreset.named(m.difficulty())
                                .map(p -> p.zeros() == m.zeros())
                                .orElse(false))) {
            errors.add("difficulty: give one of bits, difficulty and zeros");
        }
        if (m.bits() != null) {
            try {
                String problem = MiningTarget.bitsProblem(MineSpec.parseBits(m.bits()));
                if (problem != null) {
                    errors.add("bits: " + problem + " (got \"" + m.bits() + "\")");
                }
            } catch (NumberFormatException e) {
                errors.add("bits: must be 8 hex digits (got \"" + clip(m.bits()) + "\")");
            }
        }
        if (m.difficulty() != null && DifficultyPreset.named(m.difficulty()).isEmpty()) {
            errors.add("difficulty: must be one of " + DifficultyPreset.table().keySet() + " (got \""
                    + clip(m.difficulty()) + "\")");
        }
        if (m.zeros() != null && (m.zeros() < 1 || m.zeros() > 64)) {
            errors.add("zeros: must be between 1 and 64 (got " + m.zeros() + ")");
        }
        if (m.unitSize() != null && (m.unitSize() < 1 || m.unitSize() > MineSpec.NONCES_PER_HEADER)) {
            errors.add("unitSize: must be between 1 and " + MineSpec.NONCES_PER_HEADER + " (got " + m.unitSize() + ")");
        }
    }

    private static void checkHash(String field, String hex, List<String> errors) {
        if (hex != null && !HashHex.isHash(hex)) {
            errors.add(field + ": must be 64 hex digits (got \"" + clip(hex) + "\")");
        }
    }

    private static void checkU32(String field, Long v, List<String> errors) {
        if (v != null && (v < 0 || v > BlockHeader.MAX_U32)) {
            errors.add(field + ": must be between 0 and " + BlockHeader.MAX_U32 + " (got " + v + ")");
        }
    }

    private static String clip(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
