package org.bftswarm.deploy.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.bftswarm.deploy.launcher.ClusterOptions;
import org.bftswarm.deploy.launcher.ClusterTarget;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of the commands that act on a configured cluster (the {@code --config}/cluster options of
 * {@link ClusterOptions}): checks the command's own options, resolves the cluster target (printing
 * configuration problems and exiting 1 when it cannot), then runs the command against the target.
 */
abstract class ClusterCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Override
    public final Integer call() throws Exception {
        checkOptions();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<ClusterTarget> target = cluster.open(RepoHome.find(), err, ProblemPrinter::errors);
        if (target.isEmpty()) {
            return 1;
        }
        return run(target.get(), out, err);
    }

    /** Rejects bad option values (throw a picocli ParameterException) before the cluster is looked at. */
    void checkOptions() {}

    /** The command's work once the target is known; returns the exit code. */
    abstract int run(ClusterTarget target, PrintWriter out, PrintWriter err) throws Exception;

    /** Prints {@code value} as indented JSON (with {@code --json}) or else {@code text}, and flushes. */
    static void printJsonOrText(PrintWriter out, boolean json, ObjectMapper mapper, Object value, Supplier<String> text)
            throws JsonProcessingException {
        if (json) {
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(value));
        } else {
            out.print(text.get());
        }
        out.flush();
    }

    /** Prints {@code bftswarm WHAT: message} to err; returns exit code 1. */
    static int failure(PrintWriter err, String what, Exception e) {
        err.println("bftswarm " + what + ": " + e.getMessage());
        return 1;
    }
}
