package org.bftswarm.consensus.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * An outbound TCP connection to one peer that is kept up for the life of the link: it reconnects
 * after failures with exponential backoff (min..max), and holds frames in a bounded queue while the
 * peer is unreachable or slow. When the queue is full the OLDEST frame is dropped and counted
 * ({@link DropReason#OUTBOUND_QUEUE_FULL}): PBFT retransmits what matters, and fresher messages are
 * worth more than stale ones. Frames arriving on the connection (e.g. replies) go to the dispatcher.
 */
public final class PeerLink implements AutoCloseable {
    private final String name;
    private final InetSocketAddress target;
    private final TransportConfig config;
    private final EventLoopGroup group;
    private final InboundDispatcher dispatcher;
    private final DropCounters drops;
    private final ArrayDeque<byte[]> pending = new ArrayDeque<>();
    private long backoffMillis;
    private volatile Channel channel;
    private volatile boolean closed;
    private long connects;
    private volatile Consumer<Connection> onConnect = c -> {};

    public PeerLink(
            String name,
            InetSocketAddress target,
            TransportConfig config,
            EventLoopGroup group,
            InboundDispatcher dispatcher) {
        this.name = name;
        this.target = target;
        this.config = config;
        this.group = group;
        this.dispatcher = dispatcher;
        this.drops = dispatcher.drops();
        this.backoffMillis = config.reconnectMinMillis();
    }

    /** Called on the event loop with each newly established connection (e.g. to run a handshake on it). */
    public PeerLink onConnect(Consumer<Connection> callback) {
        this.onConnect = callback;
        return this;
    }

    public PeerLink start() {
        connect();
        return this;
    }

    /** Sends now if connected and not backed up, else queues (bounded, drop-oldest). Never blocks. */
    public boolean send(byte[] frame) {
        if (closed) {
            return false;
        }
        if (frame.length > config.maxFrameBytes()) {
            drops.drop(DropReason.OVERSIZED_FRAME, "refusing to send " + frame.length + " bytes to " + name);
            return false;
        }
        Channel ch = channel;
        synchronized (this) {
            if (pending.isEmpty() && ch != null && ch.isActive() && ch.isWritable()) {
                ch.writeAndFlush(frame, ch.voidPromise());
                return true;
            }
            if (pending.size() >= config.outboundQueueFrames()) {
                pending.pollFirst();
                drops.drop(DropReason.OUTBOUND_QUEUE_FULL, "peer " + name + " slow or down; dropped oldest");
            }
            pending.addLast(frame);
        }
        if (ch != null && ch.isActive()) {
            ch.eventLoop().execute(this::drain);
        }
        return true;
    }

    public boolean isConnected() {
        Channel ch = channel;
        return ch != null && ch.isActive();
    }

    /** Frames waiting for the peer. */
    public synchronized int queued() {
        return pending.size();
    }

    /** Successful connection establishments so far (1 after the first connect). */
    public synchronized long connects() {
        return connects;
    }

    private void drain() {
        Channel ch = channel;
        if (ch == null || !ch.isActive()) {
            return;
        }
        boolean wrote = false;
        synchronized (this) {
            while (ch.isWritable() && !pending.isEmpty()) {
                ch.write(pending.pollFirst(), ch.voidPromise());
                wrote = true;
            }
        }
        if (wrote) {
            ch.flush();
        }
    }

    private void connect() {
        if (closed) {
            return;
        }
        Bootstrap b = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2_000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ChannelConnection connection = new ChannelConnection(ch, drops);
                        Pipelines.install(ch, config, drops, dispatcher, connection);
                        ch.pipeline().addLast("lifecycle", new Lifecycle(connection));
                    }
                });
        ChannelFuture f = b.connect(target);
        f.addListener(done -> {
            if (!done.isSuccess()) {
                scheduleReconnect();
            }
        });
    }

    private void scheduleReconnect() {
        if (closed) {
            return;
        }
        long delay;
        synchronized (this) {
            delay = backoffMillis;
            backoffMillis = Math.min(config.reconnectMaxMillis(), backoffMillis * 2);
        }
        group.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    private final class Lifecycle extends ChannelInboundHandlerAdapter {
        private final Connection connection;

        Lifecycle(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            synchronized (PeerLink.this) {
                backoffMillis = config.reconnectMinMillis();
                connects++;
            }
            channel = ctx.channel();
            if (closed) {
                ctx.close();
                return;
            }
            onConnect.accept(connection);
            drain();
            ctx.fireChannelActive();
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            drain();
            ctx.fireChannelWritabilityChanged();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (channel == ctx.channel()) {
                channel = null;
            }
            ctx.fireChannelInactive();
            scheduleReconnect();
        }
    }

    @Override
    public void close() {
        closed = true;
        Channel ch = channel;
        if (ch != null) {
            ch.close();
        }
    }

    @Override
    public String toString() {
        return "PeerLink[" + name + " -> " + target + "]";
    }
}
