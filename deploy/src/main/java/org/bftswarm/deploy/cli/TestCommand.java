package org.bftswarm.deploy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code bftswarm test}: runs {@code scripts/run-tests.sh} (Docker readiness, local images, then
 * {@code mvn -B verify} at the repository root) with the output streaming to the terminal, and
 * returns Maven's exit code. The {@code ./bftswarm} wrapper runs the same script directly so that
 * tests need no prior build; this command exists for {@code --help} and for direct Java use.
 */
@Command(
        name = "test",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Run the whole test suite (mvn -B verify) with Docker and the task images ready.",
            "",
            "First makes sure a Docker engine answers: when it does not and this runs as root on Debian or Ubuntu,"
                    + " installs docker.io and busybox-static with apt-get and starts dockerd (log:"
                    + " /var/log/bftswarm-dockerd.log). Then builds the local task images from images/ when missing"
                    + " (never pulling), and runs `mvn -B verify` at the repository root. Extra arguments go to Maven."
                    + " Exits with Maven's exit code.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./bftswarm test",
            "  ./bftswarm test --fast              unit, property and simulation tests (about a minute)",
            "  ./bftswarm test -pl deploy          only the deploy module's tests",
        })
public final class TestCommand implements Callable<Integer> {
    static final String SCRIPT = "scripts/run-tests.sh";

    @Spec
    CommandSpec spec;

    @Option(
            names = "--fast",
            description = "The fast lane: leave out the tests tagged docker (a real engine) and processes"
                    + " (real node or JVM processes); Docker is not prepared.")
    boolean fast;

    @Unmatched
    List<String> mavenArguments = new ArrayList<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        Path script = RepoHome.find().resolve(SCRIPT);
        if (!Files.isRegularFile(script)) {
            err.println(
                    "bftswarm test: " + script + " not found; run this from a bftswarm checkout or set BFTSWARM_HOME");
            return 1;
        }
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        if (fast) {
            command.add("--fast");
        }
        command.addAll(mavenArguments);
        Process process = new ProcessBuilder(command)
                .directory(RepoHome.find().toFile())
                .inheritIO()
                .start();
        return process.waitFor();
    }
}
