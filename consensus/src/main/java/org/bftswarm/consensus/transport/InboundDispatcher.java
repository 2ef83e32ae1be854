package org.bftswarm.consensus.transport;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves decoded frames off the Netty event loop onto a small bounded worker pool that runs the
 * {@link FrameSink} (where signatures are checked). When the queue is full the frame is dropped and
 * counted as {@link DropReason#INBOUND_OVERLOAD}, so a flood cannot grow memory without bound.
 */
public final class InboundDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InboundDispatcher.class);

    private final ThreadPoolExecutor pool;
    private final FrameSink sink;
    private final DropCounters drops;

    public InboundDispatcher(String name, int workers, int queueFrames, FrameSink sink, DropCounters drops) {
        this.sink = sink;
        this.drops = drops;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(
                workers, workers, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queueFrames), r -> {
                    Thread t = new Thread(r, name + "-inbound-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** Hands one frame to the sink on a worker thread; never blocks the caller. */
    public void dispatch(Connection from, byte[] frame) {
        try {
            pool.execute(() -> {
                try {
                    sink.onFrame(from, frame);
                } catch (RuntimeException e) {
                    LOG.warn("frame sink failed on a frame from {}", from.describe(), e);
                }
            });
        } catch (RejectedExecutionException e) {
            drops.drop(DropReason.INBOUND_OVERLOAD, "inbound queue full; frame from " + from.describe());
        }
    }

    public DropCounters drops() {
        return drops;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
