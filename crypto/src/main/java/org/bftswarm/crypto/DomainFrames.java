package org.bftswarm.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The bytes a signature covers when it binds several fields: a domain tag naming what is signed, then
 * each field, every one prefixed with its 4-byte big-endian length. No two different field lists give
 * the same bytes, and a signature made for one domain never verifies for another.
 */
public final class DomainFrames {
    private DomainFrames() {}

    public static byte[] frame(String domain, byte[]... fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, domain.getBytes(StandardCharsets.UTF_8));
        for (byte[] field : fields) {
            write(out, field);
        }
        return out.toByteArray();
    }

    /** A text field as UTF-8. */
    public static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void write(ByteArrayOutputStream out, byte[] bytes) {
        int n = bytes.length;
        out.write(n >>> 24);
        out.write(n >>> 16);
        out.write(n >>> 8);
        out.write(n);
        out.write(bytes, 0, n);
    }
}
