package org.bftswarm.deploy.cli;

import java.io.PrintWriter;
import org.bftswarm.node.config.ConfigProblem;
import org.bftswarm.node.config.ConfigReport;

/** Prints the problems of a {@link ConfigReport}, one compiler-style line each, and a count. */
final class ProblemPrinter {
    private ProblemPrinter() {}

    static void warnings(ConfigReport report, PrintWriter err) {
        for (ConfigProblem warning : report.warnings()) {
            err.println(warning.format());
        }
    }

    static void errors(ConfigReport report, PrintWriter err) {
        for (ConfigProblem error : report.errors()) {
            err.println(error.format());
        }
        int count = report.errors().size();
        err.printf("%s: invalid (%d %s)%n", report.source(), count, count == 1 ? "error" : "errors");
    }
}
