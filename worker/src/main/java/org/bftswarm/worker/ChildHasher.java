package org.bftswarm.worker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.bftswarm.orchestrator.mine.NonceSearch;

/**
 * The node's end of its {@link HashProcess}: one child JVM with the default JIT, started with the
 * node's own java and class path, to which units are handed one at a time; a stop asked for while a
 * unit hashes is sent on within {@value #POLL_MILLIS} ms. Any failure of the child (it would not
 * start, died, answered nonsense) is an IOException, after which the caller hashes in its own JVM.
 */
final class ChildHasher implements AutoCloseable {
    static final long POLL_MILLIS = 10;
    static final long READY_SECONDS = 30;

    private final Process process;
    private final Writer in;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private long units;

    private ChildHasher(Process process) {
        this.process = process;
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader r = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line = r.readLine(); line != null; line = r.readLine()) {
                            answers.add(line);
                        }
                    } catch (IOException e) {
                        // the child is gone: hash() notices
                    }
                },
                "hash-child-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static ChildHasher start(int threads) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = List.of(
                java,
                "-XX:+UseSerialGC",
                "-Xmx64m",
                "-cp",
                System.getProperty("java.class.path"),
                HashProcess.class.getName(),
                Integer.toString(threads));
        ChildHasher c = new ChildHasher(new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start());
        c.awaitReady();
        return c;
    }

    /** Waits for the child's {@code R} (its JVM is up and reading), at most {@value #READY_SECONDS} s. */
    private void awaitReady() throws IOException {
        try {
            String line = answers.poll(READY_SECONDS, TimeUnit.SECONDS);
            if (!"R".equals(line)) {
                close();
                throw new IOException("the hashing child did not get ready (" + line + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IOException("interrupted starting the hashing child", e);
        }
    }

    /** Hashes {@code work} in the child; {@code stop} is polled while it runs. */
    synchronized NonceSearch.Outcome hash(MineWork work, BooleanSupplier stop) throws IOException {
        String key = "u" + (++units);
        in.write("U " + key + " " + HexFormat.of().formatHex(work.header().bytes()) + " "
                + work.target().hex() + " " + work.from() + " " + work.to() + "\n");
        in.flush();
        boolean stopSent = false;
        while (true) {
            String line;
            try {
                line = answers.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted waiting for the hashing child", e);
            }
            if (line != null) {
                String[] f = line.split(" ");
                if (f.length == 5 && f[0].equals("D") && f[1].equals(key)) {
                    long nonce = Long.parseLong(f[2]);
                    return new NonceSearch.Outcome(nonce, Long.parseLong(f[3]), nonce < 0 && stopSent);
                }
                continue;
            }
            if (!process.isAlive()) {
                throw new IOException("the hashing child exited with " + process.exitValue());
            }
            if (!stopSent && stop.getAsBoolean()) {
                in.write("K " + key + "\n");
                in.flush();
                stopSent = true;
            }
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
