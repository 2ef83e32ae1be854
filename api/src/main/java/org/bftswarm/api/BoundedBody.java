package org.bftswarm.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body of at most {@code limit} bytes (larger is refused with 413). A
 * declared Content-Length over the limit is refused before reading; a chunked body is read until it
 * passes the limit, then refused, so memory stays bounded either way.
 */
final class BoundedBody {
    private BoundedBody() {}

    static byte[] read(InputStream in, long declaredLength, int limit) {
        if (declaredLength > limit) {
            throw tooLarge(limit);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(declaredLength > 0 ? (int) declaredLength : 256);
        byte[] buf = new byte[8192];
        try {
            int n;
            while ((n = in.read(buf)) != -1) {
                if (out.size() + n > limit) {
                    throw tooLarge(limit);
                }
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            throw ApiProblem.badRequest(
                    "could not read the request body: " + e.getClass().getSimpleName());
        }
        return out.toByteArray();
    }

    private static ApiProblem tooLarge(int limit) {
        return new ApiProblem(413, "payload_too_large", "request body exceeds " + limit + " bytes");
    }
}
