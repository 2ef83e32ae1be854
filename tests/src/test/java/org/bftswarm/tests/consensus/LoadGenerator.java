package org.bftswarm.tests.consensus;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.bftswarm.consensus.client.ClientNetwork;
import org.bftswarm.consensus.client.ClientOptions;
import org.bftswarm.consensus.client.ServiceProxy;
import org.bftswarm.crypto.KeyDirectory;

/**
 * Closed-loop clients, one thread per client id, each invoking 0-byte operations until stopped and
 * recording every acknowledged reply (the service's operation count after that operation).
 */
final class LoadGenerator implements AutoCloseable {
    private final List<ServiceProxy> proxies = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong acknowledged = new AtomicLong();
    private final ConcurrentLinkedQueue<Long> results = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean running = true;

    LoadGenerator(ClientNetwork net, KeyDirectory keys, int clients) throws Exception {
        for (int c = 0; c < clients; c++) {
            int id = 1000 + c;
            ServiceProxy p = new ServiceProxy(net, id, keys.loadSigningKey(id), new ClientOptions(300, 1_000, 30_000));
            proxies.add(p);
            Thread t = new Thread(() -> loop(p), "load-" + id);
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
    }

    private void loop(ServiceProxy p) {
        try {
            while (running) {
                byte[] reply = p.invoke(new byte[0]);
                results.add(ByteBuffer.wrap(reply).getLong());
                acknowledged.incrementAndGet();
            }
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
        }
    }

    long acknowledged() {
        return acknowledged.get();
    }

    List<Long> results() {
        return new ArrayList<>(results);
    }

    Throwable failure() {
        return failure.get();
    }

    /** Stops issuing new operations and waits for the in-flight ones to be acknowledged (bounded). */
    void stop() throws InterruptedException {
        running = false;
        for (Thread t : threads) {
            t.join(35_000);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
        proxies.forEach(ServiceProxy::close);
    }
}
