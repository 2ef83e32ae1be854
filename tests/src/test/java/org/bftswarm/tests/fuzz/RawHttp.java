package org.bftswarm.tests.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 request over a plain socket, keeping whatever the server answered before it closed the
 * connection (the JDK client drops an answer that arrives while it is still sending the body).
 */
final class RawHttp {
    private static final int MAX_ANSWER = 64 * 1024;

    /** The status of the answer and what arrived of its body. */
    record Answer(int status, String body) {}

    private RawHttp() {}

    static Answer send(URI base, FuzzedRequests.Request request, String validToken) throws IOException {
        byte[] body = request.body() == null ? new byte[0] : request.body().getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder()
                .append(request.method())
                .append(' ')
                .append(request.path())
                .append(" HTTP/1.1\r\nHost: ")
                .append(base.getHost())
                .append(':')
                .append(base.getPort())
                .append("\r\nConnection: close\r\nContent-Length: ")
                .append(body.length)
                .append("\r\n");
        switch (request.token()) {
            case VALID ->
                head.append("Authorization: Bearer ").append(validToken).append("\r\n");
            case GARBAGE -> head.append("Authorization: Bearer ~~not-a-token~~\r\n");
            case VALID_WITH_SUFFIX ->
                head.append("Authorization: Bearer ").append(validToken).append("x\r\n");
            case NOT_BEARER ->
                head.append("Authorization: Basic ").append(validToken).append("\r\n");
            case NONE -> {}
        }
        if (request.body() != null) {
            head.append("Content-Type: application/json\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            try {
                OutputStream out = socket.getOutputStream();
                out.write(head.toString().getBytes(StandardCharsets.UTF_8));
                out.write(body);
                out.flush();
            } catch (IOException refusedWhileSending) {
                // the server answered and closed early: read what it sent
            }
            InputStream in = socket.getInputStream();
            byte[] buf = new byte[8192];
            try {
                int n;
                while (received.size() < MAX_ANSWER && (n = in.read(buf)) > 0) {
                    received.write(buf, 0, n);
                }
            } catch (IOException resetAfterAnswer) {
                // a reset after the answer leaves what was read
            }
        }
        String text = received.toString(StandardCharsets.UTF_8);
        if (!text.startsWith("HTTP/1.1 ") && !text.startsWith("HTTP/1.0 ")) {
            throw new IOException("the server closed the connection without an answer (got " + text.length()
                    + " bytes) to " + request);
        }
        int status = Integer.parseInt(text.substring(9, 12));
        int end = text.indexOf("\r\n\r\n");
        return new Answer(status, end < 0 ? text : text.substring(end + 4));
    }
}
