package org.bftswarm.wasm;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.types.DataSegment;
import com.dylibso.chicory.wasm.types.MemoryLimits;

/**
 * A module's linear memory held within a page limit. Rules: an initial size above the limit fails at
 * instantiation; a {@code memory.grow} (by the module or by the host placing a shard) past the limit ends the run
 * with {@link FailureKind#MEMORY_LIMIT} rather than returning -1, since the module would need more than it may
 * have; a grow past the module's own declared maximum returns -1 as WebAssembly specifies.
 */
final class BoundedMemory implements Memory {
    private final Memory inner;
    private final int limitPages;
    private final int declaredMaximumPages;

    private BoundedMemory(MemoryLimits declared, int limitPages) {
        this.limitPages = limitPages;
        this.declaredMaximumPages = declared.maximumPages();
        int max = Math.min(declared.maximumPages(), limitPages);
        this.inner = new ByteArrayMemory(new MemoryLimits(declared.initialPages(), max, declared.shared()));
    }

    static Memory create(MemoryLimits declared, int limitPages) {
        if (declared.initialPages() > limitPages) {
            throw new LimitExceeded(
                    FailureKind.MEMORY_LIMIT,
                    "the module's initial memory of " + declared.initialPages() + " pages exceeds the limit of "
                            + limitPages + " pages");
        }
        return new BoundedMemory(declared, limitPages);
    }

    @Override
    public int grow(int delta) {
        long wanted = (long) inner.pages() + Integer.toUnsignedLong(delta);
        if (wanted > limitPages && wanted <= declaredMaximumPages) {
            throw new LimitExceeded(
                    FailureKind.MEMORY_LIMIT,
                    "memory.grow to " + wanted + " pages exceeds the limit of " + limitPages + " pages");
        }
        return inner.grow(delta);
    }

    int declaredMaximumPages() {
        return declaredMaximumPages;
    }

    @Override
    public int pages() {
        return inner.pages();
    }

    @Override
    public int initialPages() {
        return inner.initialPages();
    }

    @Override
    public int maximumPages() {
        return inner.maximumPages();
    }

    @Override
    public boolean shared() {
        return inner.shared();
    }

    @Override
    public Object lock(int address) {
        return inner.lock(address);
    }

    @Override
    public int waitOn(int address, int expected, long timeout) {
        return inner.waitOn(address, expected, timeout);
    }

    @Override
    public int waitOn(int address, long expected, long timeout) {
        return inner.waitOn(address, expected, timeout);
    }

    @Override
    public int notify(int address, int count) {
        return inner.notify(address, count);
    }

    @Override
    public void initialize(Instance instance, DataSegment[] segments) {
        inner.initialize(instance, segments);
    }

    @Override
    public void initPassiveSegment(int segmentId, int address, int offset, int size) {
        inner.initPassiveSegment(segmentId, address, offset, size);
    }

    @Override
    public void write(int address, byte[] data, int offset, int size) {
        inner.write(address, data, offset, size);
    }

    @Override
    public byte read(int address) {
        return inner.read(address);
    }

    @Override
    public byte[] readBytes(int address, int length) {
        return inner.readBytes(address, length);
    }

    @Override
    public void writeI32(int address, int value) {
        inner.writeI32(address, value);
    }

    @Override
    public int readInt(int address) {
        return inner.readInt(address);
    }

    @Override
    public long readI32(int address) {
        return inner.readI32(address);
    }

    @Override
    public long readU32(int address) {
        return inner.readU32(address);
    }

    @Override
    public void writeLong(int address, long value) {
        inner.writeLong(address, value);
    }

    @Override
    public long readLong(int address) {
        return inner.readLong(address);
    }

    @Override
    public long readI64(int address) {
        return inner.readI64(address);
    }

    @Override
    public void writeShort(int address, short value) {
        inner.writeShort(address, value);
    }

    @Override
    public short readShort(int address) {
        return inner.readShort(address);
    }

    @Override
    public long readI16(int address) {
        return inner.readI16(address);
    }

    @Override
    public long readU16(int address) {
        return inner.readU16(address);
    }

    @Override
    public void writeByte(int address, byte value) {
        inner.writeByte(address, value);
    }

    @Override
    public long readU8(int address) {
        return inner.readU8(address);
    }

    @Override
    public long readI8(int address) {
        return inner.readI8(address);
    }

    @Override
    public void writeF32(int address, float value) {
        inner.writeF32(address, value);
    }

    @Override
    public long readF32(int address) {
        return inner.readF32(address);
    }

    @Override
    public float readFloat(int address) {
        return inner.readFloat(address);
    }

    @Override
    public void writeF64(int address, double value) {
        inner.writeF64(address, value);
    }

    @Override
    public double readDouble(int address) {
        return inner.readDouble(address);
    }

    @Override
    public long readF64(int address) {
        return inner.readF64(address);
    }

    @Override
    public void zero() {
        inner.zero();
    }

    @Override
    public void fill(byte value, int fromIndex, int toIndex) {
        inner.fill(value, fromIndex, toIndex);
    }

    @Override
    public void copy(int dest, int src, int size) {
        inner.copy(dest, src, size);
    }

    @Override
    public void drop(int segment) {
        inner.drop(segment);
    }
}
