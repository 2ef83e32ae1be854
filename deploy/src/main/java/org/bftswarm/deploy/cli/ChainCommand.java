package org.bftswarm.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import org.bftswarm.deploy.launcher.ApiClient;
import org.bftswarm.deploy.launcher.ApiException;
import org.bftswarm.deploy.launcher.ApiOptions;
import org.bftswarm.deploy.launcher.ClusterTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bftswarm chain}: the mined chain, one block a line. */
@Command(
        name = "chain",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Show the mined chain (GET /api/v1/chain): height, hash, previous hash, merkle root, time,"
                + " nonce, miner node, nonces covered and seconds to mine. With --follow, keep printing new blocks.",
        footerHeading = "%nExamples:%n",
        footer = {"  ./bftswarm chain", "  ./bftswarm chain --json", "  ./bftswarm chain --follow"})
public final class ChainCommand extends ClusterCommand {
    @Mixin
    ApiOptions apiOptions;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Option(names = "--follow", description = "Keep printing blocks as they are mined (Ctrl-C to stop).")
    boolean follow;

    @Override
    int run(ClusterTarget target, PrintWriter out, PrintWriter err) throws Exception {
        ApiClient api = apiOptions.client(target, null);
        try {
            JsonNode chain = api.chain();
            if (json && !follow) {
                printJsonOrText(out, true, api.json(), chain, () -> "");
                return 0;
            }
            out.println("genesis " + chain.path("genesis").asText());
            int shown = print(out, chain, 0);
            while (follow) {
                Thread.sleep(2000);
                shown = print(out, api.chain(), shown);
            }
            return 0;
        } catch (ApiException e) {
            return failure(err, "chain", e);
        }
    }

    private int print(PrintWriter out, JsonNode chain, int from) {
        JsonNode blocks = chain.path("blocks");
        for (int i = from; i < blocks.size(); i++) {
            JsonNode b = blocks.get(i);
            out.printf(
                    "#%-4d %s prev %s merkle %s time %d nonce %d node %d %d nonces %.1f s%n",
                    b.path("height").asLong(),
                    b.path("hash").asText(),
                    b.path("prev").asText().substring(0, 16),
                    b.path("merkle").asText().substring(0, 16),
                    b.path("time").asLong(),
                    b.path("nonce").asLong(),
                    b.path("miner").asInt(),
                    b.path("hashes").asLong(),
                    b.path("seconds").asDouble());
        }
        out.flush();
        return blocks.size();
    }
}
