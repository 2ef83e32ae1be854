package org.bftswarm.state.view;

import org.bftswarm.crypto.Invariants;
import org.bftswarm.state.crdt.CanonicalReader;
import org.bftswarm.state.crdt.CanonicalWriter;
import org.bftswarm.state.crdt.MalformedBytesException;

/** What a node currently uses: CPU millicores, memory bytes, running tasks. */
public record NodeUsage(int node, long cpuMillicores, long memoryBytes, int runningTasks) {
    public static final String ENTRY_NAME = "usage";

    public NodeUsage {
        Invariants.check(cpuMillicores >= 0 && memoryBytes >= 0 && runningTasks >= 0, "usage must be non-negative");
    }

    public byte[] encode() {
        return new CanonicalWriter()
                .writeInt(node)
                .writeLong(cpuMillicores)
                .writeLong(memoryBytes)
                .writeInt(runningTasks)
                .toByteArray();
    }

    public static NodeUsage decode(byte[] bytes) throws MalformedBytesException {
        CanonicalReader r = new CanonicalReader(bytes);
        int node = r.readInt("node");
        long cpu = r.readLong("cpu");
        long memory = r.readLong("memory");
        int running = r.readInt("running tasks");
        r.expectEnd("usage");
        if (cpu < 0 || memory < 0 || running < 0) {
            throw new MalformedBytesException("negative usage");
        }
        return new NodeUsage(node, cpu, memory, running);
    }
}
