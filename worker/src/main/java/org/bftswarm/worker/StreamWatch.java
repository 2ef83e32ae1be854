package org.bftswarm.worker;

import com.github.dockerjava.api.async.ResultCallback;
import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A docker-java stream callback with the two facts the container lifecycle needs (attach must have
 * started, and the NEXT_EXIT wait must be registered, before the container starts):
 * {@link #awaitOpened} returns once the engine answered the request (or it failed), {@link #awaitEnded}
 * once the stream finished. Unlike docker-java's own template it never leaves a waiter hanging when
 * the request fails before the stream opens, and it does not log errors itself: the caller decides
 * what an error means.
 */
abstract class StreamWatch<T> implements ResultCallback<T> {
    private final CountDownLatch opened = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile Closeable stream;
    private volatile Throwable error;
    private volatile boolean closedByUs;
    private final AtomicReference<Runnable> onEnd = new AtomicReference<>();

    @Override
    public void onStart(Closeable closeable) {
        stream = closeable;
        opened.countDown();
    }

    @Override
    public void onError(Throwable throwable) {
        if (!closedByUs) {
            error = throwable;
        }
        opened.countDown();
        end();
    }

    @Override
    public void onComplete() {
        opened.countDown();
        end();
    }

    /**
     * Runs {@code action} once when the stream ends (at once if it already has). The action runs on
     * the thread that ended the stream, so it must be short.
     */
    void whenEnded(Runnable action) {
        if (onEnd.compareAndSet(null, action)) {
            if (ended()) {
                runEndAction();
            }
        } else if (onEnd.get() == DONE) {
            action.run();
        } else {
            throw new IllegalStateException("an end action is already registered");
        }
    }

    private void end() {
        ended.countDown();
        runEndAction();
    }

    private void runEndAction() {
        Runnable action = onEnd.getAndSet(DONE);
        if (action != null && action != DONE) {
            action.run();
        }
    }

    private static final Runnable DONE = () -> {};

    /** True once the engine answered (stream open) or the request failed, within the bound. */
    boolean awaitOpened(long timeout, TimeUnit unit) throws InterruptedException {
        return opened.await(timeout, unit);
    }

    /** True once the stream completed or failed, within the bound. */
    boolean awaitEnded(long timeout, TimeUnit unit) throws InterruptedException {
        return ended.await(timeout, unit);
    }

    /** True when the stream has completed or failed. */
    boolean ended() {
        return ended.getCount() == 0;
    }

    /** The error that ended the stream, or null. */
    Throwable error() {
        return error;
    }

    /**
     * Closes the underlying stream if it is still open and releases every waiter; later errors are
     * ignored. A stream that already ended is left alone: docker-java's close interrupts the stream's
     * own thread, which may be the caller's (end actions run there).
     */
    @Override
    public void close() {
        closedByUs = true;
        Closeable s = stream;
        if (s != null && !ended()) {
            try {
                s.close();
            } catch (IOException | RuntimeException ignored) {
                // closing a finished or broken stream: nothing left to release
            }
        }
        opened.countDown();
        ended.countDown();
    }
}
