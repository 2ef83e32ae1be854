package org.bftswarm.wasm;

/**
 * Where and how a shard's elements lie in linear memory. Rules: elements are little-endian i32 when every element
 * of the whole dataset fits in i32 (decided once per dataset with {@link #fitsI32}), else i64. Without an
 * {@code alloc} export they start at 0 when no active data segment overlaps [0, length), else right after the end
 * of the last data segment, rounded up to 8.
 */
public final class ShardLayout {
    private ShardLayout() {}

    /** Whether every element fits in i32, the width rule for a whole dataset. */
    public static boolean fitsI32(long[] dataset) {
        for (long v : dataset) {
            if (v != (int) v) {
                return false;
            }
        }
        return true;
    }

    static long lengthBytes(int count, boolean i64) {
        return (long) count * (i64 ? 8 : 4);
    }

    /** The offset a shard of {@code lengthBytes} starts at in a module without {@code alloc}. */
    static long defaultOffset(InspectedModule module, long lengthBytes) {
        boolean overlaps = lengthBytes > 0 && module.dataSegmentsStart() < lengthBytes;
        return overlaps ? (module.dataSegmentsEnd() + 7) & ~7L : 0;
    }

    /** The elements as little-endian i32 or i64; an element beyond i32 in an i32 layout is a caller error. */
    static byte[] encode(long[] elements, boolean i64) {
        int width = i64 ? 8 : 4;
        byte[] out = new byte[Math.multiplyExact(elements.length, width)];
        for (int i = 0; i < elements.length; i++) {
            long v = elements[i];
            if (!i64 && v != (int) v) {
                throw new IllegalArgumentException(
                        "element " + i + " = " + v + " does not fit i32; the dataset must be laid out as i64");
            }
            for (int b = 0; b < width; b++) {
                out[i * width + b] = (byte) (v >>> (8 * b));
            }
        }
        return out;
    }
}
