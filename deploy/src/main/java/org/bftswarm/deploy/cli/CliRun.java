package org.bftswarm.deploy.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One in-process execution of the {@code bftswarm} command line with its stdout and stderr
 * captured: how tests (and anything embedding the CLI) run a command without starting a process.
 */
public record CliRun(int exitCode, String out, String err) {

    /** Runs {@code bftswarm <args>} in this JVM. */
    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var commandLine = BftswarmCommand.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Stdout followed by stderr. */
    public String all() {
        return out + err;
    }
}
