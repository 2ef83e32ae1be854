package org.bftswarm.state.view;

import org.bftswarm.crypto.Invariants;
import org.bftswarm.state.crdt.CanonicalReader;
import org.bftswarm.state.crdt.CanonicalWriter;
import org.bftswarm.state.crdt.MalformedBytesException;

/**
 * What a node says it draws and has used: its current power, the energy used since it started
 * measuring, the CPU time behind that figure (its own process and its task containers), and where the
 * power figure comes from ({@code source}, e.g. {@code rapl} or {@code tdp}). These are a node's own
 * soft measurements, signed like every entry: good for watching, never for a decision.
 */
public record NodeEnergy(int node, long powerMilliwatts, long energyMillijoules, long cpuMillis, String source) {
    public static final String ENTRY_NAME = "energy";
    /** Longest source name accepted, in UTF-8 bytes. */
    public static final int MAX_SOURCE_BYTES = 32;

    public NodeEnergy {
        Invariants.check(
                powerMilliwatts >= 0 && energyMillijoules >= 0 && cpuMillis >= 0, "energy must be non-negative");
        Invariants.check(source != null && !source.isEmpty(), "energy source missing");
    }

    public byte[] encode() {
        return new CanonicalWriter()
                .writeInt(node)
                .writeLong(powerMilliwatts)
                .writeLong(energyMillijoules)
                .writeLong(cpuMillis)
                .writeString(source)
                .toByteArray();
    }

    public static NodeEnergy decode(byte[] bytes) throws MalformedBytesException {
        CanonicalReader r = new CanonicalReader(bytes);
        int node = r.readInt("node");
        long power = r.readLong("power");
        long energy = r.readLong("energy");
        long cpu = r.readLong("cpu");
        String source = r.readString("source", MAX_SOURCE_BYTES);
        r.expectEnd("energy");
        if (power < 0 || energy < 0 || cpu < 0) {
            throw new MalformedBytesException("negative energy figures");
        }
        if (source.isEmpty()) {
            throw new MalformedBytesException("empty energy source");
        }
        return new NodeEnergy(node, power, energy, cpu, source);
    }
}
