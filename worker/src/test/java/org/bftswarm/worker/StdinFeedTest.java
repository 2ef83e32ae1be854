package org.bftswarm.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link StdinFeed} against a fake engine on a Unix socket: what it sends, and how it fails. */
class StdinFeedTest {
    private static final String UPGRADED = "HTTP/1.1 101 UPGRADED\r\n"
            + "Content-Type: application/vnd.docker.raw-stream\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n";

    @TempDir
    Path dir;

    private ServerSocketChannel server;

    @AfterEach
    void closeServer() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    /** What the fake engine saw: the request head, and everything after it up to the client's half-close. */
    record Seen(String head, byte[] body) {}

    /** A one-connection fake engine; {@code answer} maps the request head to the response head. */
    private CompletableFuture<Seen> engine(Function<String, String> answer) throws IOException {
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(dir.resolve("docker.sock")));
        return CompletableFuture.supplyAsync(() -> {
            try (SocketChannel c = server.accept()) {
                String head = readHead(c);
                String response = answer.apply(head);
                if (response == null) {
                    Thread.sleep(10_000);
                    return new Seen(head, new byte[0]);
                }
                c.write(ByteBuffer.wrap(response.getBytes(StandardCharsets.US_ASCII)));
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                ByteBuffer buf = ByteBuffer.allocate(8192);
                while (c.read(buf) >= 0) {
                    body.write(buf.array(), 0, buf.position());
                    buf.clear();
                }
                return new Seen(head, body.toByteArray());
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static String readHead(SocketChannel c) throws IOException {
        StringBuilder head = new StringBuilder();
        ByteBuffer one = ByteBuffer.allocate(1);
        while (!head.toString().endsWith("\r\n\r\n")) {
            one.clear();
            if (c.read(one) < 0) {
                break;
            }
            head.append((char) one.get(0));
        }
        return head.toString();
    }

    private URI host() {
        return URI.create("unix://" + dir.resolve("docker.sock"));
    }

    @Test
    void bytesAreWrittenAfterDeliverThenTheWriteSideIsHalfClosed() throws Exception {
        CompletableFuture<Seen> seen = engine(head -> UPGRADED);
        byte[] input = "one\ntwo\nthree\n".getBytes(StandardCharsets.UTF_8);
        try (StdinFeed feed = StdinFeed.open(host(), "abc123", input)) {
            assertThat(feed.awaitOpened(5, TimeUnit.SECONDS)).isTrue();
            assertThat(feed.error()).isNull();
            feed.deliver();
            Seen s = seen.get(10, TimeUnit.SECONDS);
            assertThat(s.head())
                    .startsWith("POST /containers/abc123/attach?stream=1&stdin=1 HTTP/1.1\r\n")
                    .contains("Connection: Upgrade\r\n", "Upgrade: tcp\r\n", "Host: ");
            assertThat(s.body()).as("exactly the bytes, then end of file").isEqualTo(input);
        }
    }

    @Test
    void engineRefusalIsReportedWithItsMessage() throws Exception {
        String json = "{\"message\":\"No such container: abc123\"}";
        engine(head -> "HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: " + json.length()
                + "\r\n\r\n" + json);
        try (StdinFeed feed = StdinFeed.open(host(), "abc123", new byte[1])) {
            assertThat(feed.awaitOpened(5, TimeUnit.SECONDS)).isTrue();
            assertThat(feed.error()).isNotNull();
            assertThat(AttemptExecution.describe(feed.error())).isEqualTo("No such container: abc123");
            assertThat(feed.error().getMessage()).contains("404");
        }
    }

    @Test
    void missingSocketIsAnErrorNotAHang() throws Exception {
        try (StdinFeed feed = StdinFeed.open(host(), "abc123", new byte[1])) {
            assertThat(feed.awaitOpened(5, TimeUnit.SECONDS)).isTrue();
            assertThat(feed.error()).isNotNull();
        }
    }

    @Test
    void engineThatNeverAnswersLeavesItUnopenedAndCloseReleasesIt() throws Exception {
        engine(head -> null);
        StdinFeed feed = StdinFeed.open(host(), "abc123", new byte[1]);
        assertThat(feed.awaitOpened(300, TimeUnit.MILLISECONDS)).isFalse();
        feed.close();
        assertThat(feed.awaitOpened(1, TimeUnit.SECONDS)).isTrue();
        assertThat(feed.error()).as("closing is not an error").isNull();
    }

    @Test
    void onlyUnixAndPlainTcpHostsAreAccepted() {
        assertThat(StdinFeed.addressOf(URI.create("unix:///var/run/docker.sock")))
                .isEqualTo(UnixDomainSocketAddress.of("/var/run/docker.sock"));
        assertThat(StdinFeed.addressOf(URI.create("tcp://127.0.0.1:2376")))
                .isEqualTo(new InetSocketAddress("127.0.0.1", 2376));
        assertThat(StdinFeed.addressOf(URI.create("tcp://127.0.0.1")))
                .isEqualTo(new InetSocketAddress("127.0.0.1", 2375));
        assertThatThrownBy(() -> StdinFeed.addressOf(URI.create("npipe:////./pipe/docker_engine")))
                .hasMessageContaining("unix:// and plain tcp://");
    }
}
