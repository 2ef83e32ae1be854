package org.bftswarm.orchestrator.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import org.bftswarm.orchestrator.mine.BlockHeader;
import org.bftswarm.orchestrator.mine.DifficultyPreset;
import org.bftswarm.orchestrator.mine.ExtraNonce;
import org.bftswarm.orchestrator.mine.HashHex;
import org.bftswarm.orchestrator.mine.MiningTarget;
import org.bftswarm.orchestrator.mine.WorkUnit;

/**
 * The proof-of-work part of a {@code mine} job: the block header to search (Bitcoin layout, see
 * {@link BlockHeader}) and the target. {@code data} makes a one-transaction block whose merkle root is
 * SHA-256(SHA-256(data as UTF-8)); otherwise {@code merkle} is given. {@code prev} (default: the
 * chain head when the job is ordered) and {@code merkle} are displayed hashes; {@code time} (default:
 * the ordering batch's time in seconds) is a u32; {@code version} defaults to 1. The target is
 * {@code bits} (8 hex digits, compact form), a {@code difficulty} preset or {@code zeros} leading hex
 * zeros of the shown hash; at most one of the three, {@value #DEFAULT_DIFFICULTY} when none is given.
 * {@code nonceStart}/{@code nonceEnd} (inclusive) bound the search to one header, which then ends
 * NOT_FOUND when they hold no solution; without them the search rolls the extra-nonce
 * ({@link ExtraNonce}) after every 2^32 nonces. {@code unitSize} nonces make one work unit (default
 * {@value #DEFAULT_UNIT_SIZE}, about two seconds of one core).
 *
 * <p>{@link JobSpecValidator} (through {@link MineRules}) holds every limit; {@link #normalized}
 * turns a preset into {@code zeros} and fills the defaults that need no ordering context;
 * {@link #resolved} fills the ones that do.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MineSpec(
        String data,
        Integer version,
        String prev,
        String merkle,
        Long time,
        String bits,
        String difficulty,
        Integer zeros,
        Long nonceStart,
        Long nonceEnd,
        Long unitSize) {

    public static final String DEFAULT_DIFFICULTY = "medium";
    public static final long DEFAULT_UNIT_SIZE = 1L << 20;
    public static final long NONCES_PER_HEADER = 1L << 32;
    public static final int DEFAULT_VERSION = 1;

    /** A job mining {@code text} at a preset difficulty, every other field at its default. */
    public static MineSpec ofText(String text, String preset) {
        return new MineSpec(text, null, null, null, null, null, preset, null, null, null, null);
    }

    /** Whether the search is bounded to one header's explicit nonce range. */
    @JsonIgnore
    public boolean hasExplicitRange() {
        return nonceStart != null || nonceEnd != null;
    }

    /** The merkle root of a one-transaction block holding {@code text}: SHA-256d of its UTF-8, displayed. */
    public static String merkleOfData(String text) {
        return HashHex.displayed(BlockHeader.sha256d(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Defaults that need no context: version, unit size, target (a preset becomes {@code zeros}, bits
     * lower-cased), a data block's merkle root, hex lower-cased.
     */
    public MineSpec normalized() {
        Integer z = zeros;
        String d = difficulty;
        if (bits == null && zeros == null) {
            d = difficulty == null ? DEFAULT_DIFFICULTY : difficulty;
            z = DifficultyPreset.named(d).orElseThrow().zeros();
        }
        return new MineSpec(
                data,
                version == null ? DEFAULT_VERSION : version,
                lower(prev),
                data != null && merkle == null ? merkleOfData(data) : lower(merkle),
                time,
                lower(bits),
                d,
                z,
                nonceStart,
                nonceEnd,
                unitSize == null ? DEFAULT_UNIT_SIZE : unitSize);
    }

    /** The spec with the ordering context filled where absent: previous hash and time. */
    public MineSpec resolved(String chainHead, long batchSeconds) {
        return new MineSpec(
                data,
                version,
                prev == null ? chainHead : prev,
                merkle,
                time == null ? Long.valueOf(batchSeconds & BlockHeader.MAX_U32) : time,
                bits,
                difficulty,
                zeros,
                nonceStart,
                nonceEnd,
                unitSize);
    }

    /** Whether every header field is known (true of a stored spec). */
    @JsonIgnore
    public boolean isResolved() {
        return prev != null && merkle != null && time != null && version != null && unitSize != null;
    }

    /** The target of a normalised spec. */
    public MiningTarget target() {
        return bits != null ? MiningTarget.fromBits(bitsValue()) : MiningTarget.leadingZeros(zeros);
    }

    /** The header's {@code bits} field: as given, else 0 (a zeros target has no compact form of its own). */
    @JsonIgnore
    public int bitsValue() {
        return bits == null ? 0 : (int) Long.parseLong(bits, 16);
    }

    /** The header of extra-nonce round {@code k} with nonce 0 (a resolved spec). */
    public BlockHeader header(long k) {
        byte[] root = ExtraNonce.merkleRoot(HashHex.internal(merkle), k);
        return new BlockHeader(version, HashHex.internal(prev), root, time, bitsValue(), 0);
    }

    /** Units the search holds: finite with an explicit range, else {@link Long#MAX_VALUE} (the extra-nonce rolls). */
    @JsonIgnore
    public long unitCount() {
        return hasExplicitRange() ? WorkUnit.countInRange(unitSize, rangeStart(), rangeEnd()) : Long.MAX_VALUE;
    }

    /** Work unit {@code i} of a normalised spec. */
    public WorkUnit unit(long i) {
        return hasExplicitRange()
                ? WorkUnit.inRange(unitSize, rangeStart(), rangeEnd(), i)
                : WorkUnit.rolling(unitSize, i);
    }

    private long rangeStart() {
        return nonceStart == null ? 0 : nonceStart;
    }

    private long rangeEnd() {
        return nonceEnd == null ? BlockHeader.MAX_U32 : nonceEnd;
    }

    private static String lower(String hex) {
        return hex == null ? null : hex.toLowerCase(Locale.ROOT);
    }

    /** Parses 8 hex digits of bits; NumberFormatException otherwise. */
    static int parseBits(String hex) {
        if (hex == null || hex.length() != 8) {
            throw new NumberFormatException("not 8 hex digits");
        }
        return (int) HexFormat.fromHexDigitsToLong(hex);
    }
}
