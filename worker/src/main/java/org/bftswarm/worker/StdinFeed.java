package org.bftswarm.worker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a task's stdin to its container over a raw attach on the engine's socket: {@code POST
 * /containers/{id}/attach?stream=1&stdin=1} upgraded to a plain stream ({@code 101}), the bytes written,
 * then the write side half-closed, which makes the engine close the container's stdin (the container is
 * created with StdinOnce). docker-java's own stdin attach is not used because its httpclient5 transport
 * never half-closes the connection, so the process would wait for end of file forever.
 *
 * <p>One daemon thread per feed connects and reads the engine's answer ({@link #awaitOpened}, before the
 * container starts), waits for {@link #deliver} (after start), writes, half-closes and then reads until
 * the engine hangs up. A process that reads slowly or never blocks only this thread; {@link #close}
 * (attempt finished, timed out or abandoned) unblocks it. A write cut short because the container closed
 * its stdin or exited is not an error: the process decided how much to read, and its exit code tells the
 * rest. Hosts: {@code unix://} sockets and plain {@code tcp://} (not TLS).
 */
final class StdinFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StdinFeed.class);
    private static final int MAX_HEAD_BYTES = 16 * 1024;
    private static final int MAX_ERROR_BODY_BYTES = 1024;
    private static final int DEFAULT_TCP_PORT = 2375;

    private final URI host;
    private final String containerId;
    private final byte[] bytes;
    private final CountDownLatch opened = new CountDownLatch(1);
    private final CountDownLatch go = new CountDownLatch(1);
    private volatile SocketChannel channel;
    private volatile boolean closed;
    private volatile Throwable error;

    private StdinFeed(URI host, String containerId, byte[] bytes) {
        this.host = host;
        this.containerId = containerId;
        this.bytes = bytes;
    }

    /** Starts attaching to the stdin of {@code containerId} on {@code host}; writes nothing before {@link #deliver}. */
    static StdinFeed open(URI host, String containerId, byte[] bytes) {
        StdinFeed feed = new StdinFeed(host, containerId, bytes);
        Thread t = new Thread(feed::run, "bftswarm-stdin-" + AttemptExecution.shortId(containerId));
        t.setDaemon(true);
        t.start();
        return feed;
    }

    /** True once the engine answered the attach (or it failed), within the bound; see {@link #error}. */
    boolean awaitOpened(long timeout, TimeUnit unit) throws InterruptedException {
        return opened.await(timeout, unit);
    }

    /** Why the attach failed, or null while it is open (or was closed by us). */
    Throwable error() {
        return error;
    }

    /** Lets the thread write the bytes; called once the container has started. */
    void deliver() {
        go.countDown();
    }

    /** Stops delivering and closes the connection; idempotent, never blocks. */
    @Override
    public void close() {
        closed = true;
        go.countDown();
        opened.countDown();
        closeChannel();
    }

    private void run() {
        SocketChannel ch;
        try {
            SocketAddress address = addressOf(host);
            ch = address instanceof UnixDomainSocketAddress
                    ? SocketChannel.open(StandardProtocolFamily.UNIX)
                    : SocketChannel.open();
            channel = ch;
            if (closed) {
                closeChannel();
                return;
            }
            ch.connect(address);
            ch.write(ByteBuffer.wrap(request().getBytes(StandardCharsets.US_ASCII)));
            String problem = readAnswer(ch);
            if (problem != null) {
                fail(new IOException(problem));
                return;
            }
        } catch (IOException | RuntimeException e) {
            fail(e);
            return;
        } finally {
            opened.countDown();
        }
        ByteBuffer out = ByteBuffer.wrap(bytes);
        try {
            go.await();
            if (closed) {
                return;
            }
            while (out.hasRemaining()) {
                ch.write(out);
            }
            ch.shutdownOutput();
            ByteBuffer sink = ByteBuffer.allocate(512);
            while (ch.read(sink) >= 0) {
                sink.clear();
            }
        } catch (IOException e) {
            if (!closed) {
                LOG.debug(
                        "stdin of {} ended after {} of {} bytes: {}",
                        AttemptExecution.shortId(containerId),
                        out.position(),
                        bytes.length,
                        e.toString());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeChannel();
        }
    }

    private void fail(Throwable t) {
        if (!closed) {
            error = t;
        }
        closeChannel();
    }

    private void closeChannel() {
        SocketChannel ch = channel;
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                // already broken: nothing left to release
            }
        }
    }

    private String request() {
        String authority = host.getRawAuthority() == null ? "docker" : host.getRawAuthority();
        return "POST /containers/" + containerId + "/attach?stream=1&stdin=1 HTTP/1.1\r\n"
                + "Host: " + authority + "\r\n"
                + "Content-Length: 0\r\n"
                + "Connection: Upgrade\r\n"
                + "Upgrade: tcp\r\n"
                + "\r\n";
    }

    /** Reads the response head byte by byte (nothing past it); null on 101, else what the engine said. */
    private static String readAnswer(SocketChannel ch) throws IOException {
        String head = readHead(ch);
        String statusLine = head.lines().findFirst().orElse("");
        String[] parts = statusLine.split(" ", 3);
        if (parts.length >= 2 && parts[1].equals("101")) {
            return null;
        }
        long length = head.lines()
                .map(l -> l.toLowerCase(Locale.ROOT))
                .filter(l -> l.startsWith("content-length:"))
                .mapToLong(l -> parseLength(l.substring("content-length:".length())))
                .findFirst()
                .orElse(0);
        ByteBuffer body = ByteBuffer.allocate((int) Math.min(length, MAX_ERROR_BODY_BYTES));
        while (body.hasRemaining() && ch.read(body) >= 0) {
            // read the bounded error body
        }
        return "engine answered " + statusLine + " "
                + new String(body.array(), 0, body.position(), StandardCharsets.UTF_8);
    }

    private static String readHead(SocketChannel ch) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        ByteBuffer one = ByteBuffer.allocate(1);
        int matched = 0;
        while (matched < 4) {
            one.clear();
            if (ch.read(one) < 0) {
                throw new IOException("engine closed the connection before answering the stdin attach");
            }
            byte b = one.get(0);
            head.write(b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (head.size() > MAX_HEAD_BYTES) {
                throw new IOException(
                        "engine's answer to the stdin attach has a head over " + MAX_HEAD_BYTES + " bytes");
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static long parseLength(String value) {
        try {
            return Math.max(0, Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The socket address of a {@code unix://} or plain {@code tcp://} engine host. */
    static SocketAddress addressOf(URI host) {
        String scheme = host.getScheme() == null ? "" : host.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("unix") && host.getPath() != null && !host.getPath().isEmpty()) {
            return UnixDomainSocketAddress.of(host.getPath());
        }
        if (scheme.equals("tcp") && host.getHost() != null) {
            return new InetSocketAddress(host.getHost(), host.getPort() < 0 ? DEFAULT_TCP_PORT : host.getPort());
        }
        throw new IllegalArgumentException(
                "stdin can be delivered over unix:// and plain tcp:// engine hosts only, not " + host);
    }
}
