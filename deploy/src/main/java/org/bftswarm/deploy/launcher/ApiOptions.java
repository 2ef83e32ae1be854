package org.bftswarm.deploy.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code --via NODE} and {@code --client-key FILE} options of every command that talks to the
 * HTTP API. {@code --via} names the entry node: the client tries it first and fails over to the
 * others in id order after it; a node outside 0..n-1 is a usage error. {@code --client-key} names the
 * client key the command signs with; without it, {@code <dataDir>/clients/admin.key} when that exists
 * (see {@link ClientKeyFiles#choose}).
 */
public final class ApiOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(
            names = "--via",
            paramLabel = "NODE",
            description = "Send requests to node NODE (0..n-1) first, failing over to the others after it"
                    + " (default: node 0).")
    Integer via;

    @Option(
            names = "--client-key",
            paramLabel = "FILE",
            description = "Client private key to sign with (default: <data>/clients/admin.key when it exists).")
    Path clientKey;

    public ApiOptions() {}

    /** The entry node given with {@code --via}, if any. */
    public Optional<Integer> via() {
        return Optional.ofNullable(via);
    }

    /** Throws a usage error when {@code --via} names no node of {@code target}. */
    public void checkVia(ClusterTarget target) {
        int n = target.config().n();
        if (via != null && (via < 0 || via >= n)) {
            throw new ParameterException(
                    mixee.commandLine(),
                    "--via " + via + ": no node " + via + " in a cluster of " + n + " (ids 0.." + (n - 1) + ")");
        }
    }

    /** A client for {@code target}'s API with {@code token} (null: reads only), starting at the {@code --via} node. */
    public ApiClient client(ClusterTarget target, String token) {
        checkVia(target);
        ApiClient api = new ApiClient(target.apiUrls(), token);
        return via == null ? api : api.prefer(via);
    }

    /**
     * The client key to sign with: {@code --client-key} when given, else the local admin key when it
     * exists, else empty. A missing file, a bad file and a file readable by group or others are errors
     * whose message names the file (and for permissions the {@code chmod 600} fix).
     */
    public Optional<ClientKey> clientKey(ClusterTarget target) throws IOException {
        Optional<Path> file = ClientKeyFiles.choose(clientKey, target.layout());
        if (file.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ClientKeyFiles.load(file.get()));
    }
}
