package org.bftswarm.deploy.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bftswarm.deploy.launcher.ApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bftswarm config path}: which configuration file the commands read. */
@Command(
        name = "path",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Print the absolute path of the configuration file the commands use (./"
                + ConfigFileOption.DEFAULT_NAME + ", else the checkout's). Exit code 1 when it does not exist.",
        footerHeading = "%nExamples:%n",
        footer = {"  ./bftswarm config path", "  ./bftswarm config path --json"})
public final class ConfigPathCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigFileOption file;

    @Option(names = "--json", description = "Print JSON: {\"path\", \"exists\"}.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path path = file.resolve().toAbsolutePath().normalize();
        boolean exists = Files.isRegularFile(path);
        if (json) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("path", path.toString());
            answer.put("exists", exists);
            out.println(ApiClient.mapper().writeValueAsString(answer));
        } else {
            out.println(path);
        }
        out.flush();
        if (!exists) {
            spec.commandLine()
                    .getErr()
                    .println("bftswarm config path: " + path + " does not exist (./bftswarm config init)");
            spec.commandLine().getErr().flush();
            return 1;
        }
        return 0;
    }
}
