package org.bftswarm.deploy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.bftswarm.crypto.KeyDirectory;
import org.bftswarm.crypto.SigningKey;
import org.bftswarm.deploy.launcher.ClusterLayout;
import org.bftswarm.deploy.launcher.ClusterOptions;
import org.bftswarm.deploy.launcher.ClusterTarget;
import org.bftswarm.node.config.ClusterConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bftswarm keygen --node I [--data DIR]}: makes node I's key pair on the host where node I runs
 * ({@code DIR/keys/node-I.key}, mode 0600, and {@code node-I.pub}) and prints its public key and the
 * {@code publicKey:} line for {@code nodes.list[I]}, so the configuration every node reads carries every
 * node's public key and no host ever holds another node's private key. A key that exists is kept and
 * its public key printed again; nothing is ever overwritten.
 */
@Command(
        name = "keygen",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Make node I's Ed25519 key on the node's own host: the private key in <data>/keys/node-I.key"
                    + " (owner-only, never leaves the host), the public key beside it, and print the public key"
                    + " to put under nodes.list[I].publicKey in the configuration every node reads."
                    + " An existing key is kept (its public key printed again). `up` on one host still makes"
                    + " every key of a local cluster itself.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./bftswarm keygen --node 2 --data /var/lib/bftswarm",
            "  ./bftswarm keygen --node 0 --config cluster.yaml     (data directory from the configuration)",
        })
public final class KeygenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--node", paramLabel = "I", required = true, description = "The node's id (0..n-1).")
    int node;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "Data directory of the node (default: the configuration's dataDir).")
    Path data;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Cluster configuration, read only when --data is not given or to check I < n.")
    Path config;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (node < 0 || node >= ClusterConfig.MAX_NODES) {
            throw new ParameterException(
                    spec.commandLine(), "--node " + node + ": must be 0.." + (ClusterConfig.MAX_NODES - 1));
        }
        Path dataDir = data == null ? null : data.toAbsolutePath().normalize();
        if (dataDir == null || config != null) {
            Optional<ClusterTarget> target =
                    new ClusterOptions(config, data).open(RepoHome.find(), err, ProblemPrinter::errors);
            if (target.isEmpty()) {
                return 1;
            }
            int n = target.get().config().n();
            if (node >= n) {
                throw new ParameterException(
                        spec.commandLine(), "--node " + node + ": the configuration has nodes 0.." + (n - 1));
            }
            dataDir = target.get().layout().dataDir();
        }
        KeyDirectory keys = KeyDirectory.at(new ClusterLayout(dataDir).keysDir());
        boolean existed = Files.exists(keys.privateKeyFile(node));
        SigningKey key;
        try {
            Files.createDirectories(dataDir);
            key = keys.ensure(node, new SecureRandom());
        } catch (IOException | RuntimeException e) {
            err.println("bftswarm keygen: " + e.getMessage());
            err.flush();
            return 1;
        }
        String hex = key.verifyingKey().hex();
        stdout.printf(
                "private key %s (mode 0600; %s, it never leaves this host)%n",
                keys.privateKeyFile(node), existed ? "kept as it was" : "made now");
        stdout.printf("public key  %s%n", hex);
        stdout.printf("Put it under nodes.list[%d] in the configuration every node reads:%n", node);
        stdout.println("    " + entry(hex));
        stdout.flush();
        return 0;
    }

    /** The {@code publicKey:} line of a node entry (quoted: a hex string of digits would read as a number). */
    static String entry(String publicKeyHex) {
        return "publicKey: \"" + publicKeyHex + "\"";
    }
}
