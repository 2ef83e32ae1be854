package org.bftswarm.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import org.bftswarm.api.NodeJson;
import org.bftswarm.deploy.launcher.ApiClient;
import org.bftswarm.deploy.launcher.ApiOptions;
import org.bftswarm.deploy.launcher.ClusterTarget;
import org.bftswarm.deploy.launcher.NodeText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bftswarm nodes}: every node as one node's scheduler and CRDT state shows it. */
@Command(
        name = "nodes",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "List the nodes as the first answering node sees them (GET /api/v1/nodes, from --via first): state,"
                    + " capacity, usage, tasks run, invalid CRDT entries and disputed results counted against each.",
            "One node's view: use `status` for what every node says about itself.",
        },
        footerHeading = "%nExamples:%n",
        footer = {"  ./bftswarm nodes", "  ./bftswarm nodes --json --via 2"})
public final class NodesCommand extends ClusterCommand {
    @Mixin
    ApiOptions apiOptions;

    @Option(names = "--json", description = "Print the JSON the node answered (the API's shape).")
    boolean json;

    @Override
    int run(ClusterTarget target, PrintWriter out, PrintWriter err) throws Exception {
        ApiClient api = apiOptions.client(target, null);
        for (int k = 0; k < api.nodeCount(); k++) {
            int node = (api.preferred() + k) % api.nodeCount();
            Optional<String> body = api.rawFrom(node, "/api/v1/nodes");
            if (body.isEmpty()) {
                continue;
            }
            ObjectMapper mapper = api.json();
            if (json) {
                JsonNode tree = mapper.readTree(body.get());
                out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(tree));
            } else {
                List<NodeJson> nodes = List.of(mapper.readValue(body.get(), NodeJson[].class));
                out.printf("as node %d sees them:%n", node);
                out.print(NodeText.table(nodes));
            }
            out.flush();
            return 0;
        }
        err.println("bftswarm nodes: no node of the cluster answered; is it up? (./bftswarm status)");
        err.flush();
        return 1;
    }
}
