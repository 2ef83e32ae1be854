package org.bftswarm.wasm;

import com.dylibso.chicory.wasm.Parser;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the byte offset a malformed module fails at, which Chicory's parse errors do not carry: the binary format is
 * an 8-byte header then sections (id byte, LEB128 u32 size, contents), Chicory reports each section it decodes, so
 * the failure lies in the first section it did not report. The offset is that section's first byte (0 for a bad
 * header, the end of the bytes when every section decoded and a whole-module check failed).
 */
final class ParseErrorLocator {
    private static final int HEADER_BYTES = 8;

    private ParseErrorLocator() {}

    static int offsetOfFailure(byte[] module) {
        if (module.length < HEADER_BYTES || !hasHeader(module)) {
            return 0;
        }
        int[] decoded = {0};
        try {
            Parser.builder().build().parse(new ByteArrayInputStream(module), section -> decoded[0]++);
        } catch (RuntimeException expected) {
            // the failure being located
        }
        List<Integer> starts = sectionStarts(module);
        return decoded[0] < starts.size() ? starts.get(decoded[0]) : module.length;
    }

    private static boolean hasHeader(byte[] m) {
        return m[0] == 0 && m[1] == 'a' && m[2] == 's' && m[3] == 'm';
    }

    /** The offset of every section that starts inside the bytes; a truncated size ends the list. */
    private static List<Integer> sectionStarts(byte[] m) {
        List<Integer> starts = new ArrayList<>();
        int at = HEADER_BYTES;
        while (at < m.length) {
            starts.add(at);
            int p = at + 1;
            long size = 0;
            int shift = 0;
            while (true) {
                if (p >= m.length || shift > 28) {
                    return starts;
                }
                int b = m[p++] & 0xff;
                size |= (long) (b & 0x7f) << shift;
                shift += 7;
                if ((b & 0x80) == 0) {
                    break;
                }
            }
            long next = p + size;
            if (next > m.length) {
                return starts;
            }
            at = (int) next;
        }
        return starts;
    }
}
