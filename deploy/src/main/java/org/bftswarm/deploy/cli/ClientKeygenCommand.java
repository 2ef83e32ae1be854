package org.bftswarm.deploy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.bftswarm.crypto.SigningKey;
import org.bftswarm.deploy.launcher.ClientKeyFiles;
import org.bftswarm.deploy.launcher.ClusterOptions;
import org.bftswarm.deploy.launcher.ClusterTarget;
import org.bftswarm.node.config.ClientEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bftswarm client keygen NAME}: makes a client key pair ({@code NAME.key}, mode 0600, and
 * {@code NAME.pub}) and prints the {@code clients:} entry that registers it. Never overwrites a file.
 */
@Command(
        name = "keygen",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Make an Ed25519 client key: the private key in FILE (default <data>/clients/NAME.key, owner-only),"
                    + " the public key beside it (.pub), and print the entry to paste under `clients:` in the"
                    + " configuration of every node. Refuses to overwrite an existing key file.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./bftswarm client keygen alice",
            "  ./bftswarm client keygen ci --role reader --out ~/.bftswarm/ci.key",
        })
public final class ClientKeygenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Parameters(index = "0", paramLabel = "NAME", description = "Client name: 1-32 of a-z, 0-9, '_', '-'.")
    String name;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "Private key file, named NAME.key (default: <data>/clients/NAME.key); the public key goes"
                    + " beside it.")
    Path out;

    @Option(
            names = "--role",
            paramLabel = "ROLE",
            description = "Role in the printed entry: admin, submitter or reader (default: submitter).")
    String role = ClientEntry.SUBMITTER;

    @Override
    public Integer call() throws Exception {
        if (!ClientEntry.isValidName(name)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "\"" + name + "\" is not a valid client name: use 1-32 lower-case letters, digits, '_' or '-',"
                            + " starting with a letter or digit");
        }
        if (!ClientEntry.ROLES.contains(role)) {
            throw new ParameterException(
                    spec.commandLine(), "--role " + role + ": must be one of " + String.join(", ", ClientEntry.ROLES));
        }
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path keyFile = out;
        if (keyFile == null) {
            Optional<ClusterTarget> target = cluster.open(RepoHome.find(), err, ProblemPrinter::errors);
            if (target.isEmpty()) {
                return 1;
            }
            keyFile = ClientKeyFiles.defaultPath(target.get().layout(), name);
        } else if (!keyFile.getFileName().toString().equals(name + ClientKeyFiles.PRIVATE_SUFFIX)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--out " + keyFile + ": the file must be named " + name + ClientKeyFiles.PRIVATE_SUFFIX
                            + " (the CLI takes the client's name from its key file's name)");
        }
        keyFile = keyFile.toAbsolutePath().normalize();
        SigningKey key;
        try {
            key = ClientKeyFiles.create(keyFile, new SecureRandom());
        } catch (IOException e) {
            err.println("bftswarm client keygen: " + e.getMessage());
            return 1;
        }
        stdout.printf("private key %s (mode 0600; keep it secret)%n", keyFile);
        stdout.printf("public key  %s%n", ClientKeyFiles.publicPathFor(keyFile));
        stdout.println("Add this entry under `clients:` in the configuration every node reads, then restart them:");
        stdout.println("  " + entry(name, key.verifyingKey().hex(), role));
        stdout.flush();
        return 0;
    }

    /** The {@code clients:} list element for a key (the key quoted: a hex string of digits would read as a number). */
    static String entry(String name, String publicKeyHex, String role) {
        return "- {name: " + name + ", publicKey: \"" + publicKeyHex + "\", role: " + role + "}";
    }
}
