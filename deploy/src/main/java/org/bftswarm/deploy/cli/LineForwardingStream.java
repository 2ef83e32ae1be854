package org.bftswarm.deploy.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Adapts the picocli output {@link PrintWriter} to an {@link OutputStream} for code that prints
 * to a {@link PrintStream}: bytes are collected per line, decoded as UTF-8 and written
 * through, so progress appears line by line and tests can capture it.
 */
final class LineForwardingStream extends OutputStream {
    private final PrintWriter target;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LineForwardingStream(PrintWriter target) {
        this.target = target;
    }

    @Override
    public void write(int b) {
        line.write(b);
        if (b == '\n') {
            flush();
        }
    }

    @Override
    public void flush() {
        if (line.size() > 0) {
            target.write(line.toString(StandardCharsets.UTF_8));
            line.reset();
        }
        target.flush();
    }
}
