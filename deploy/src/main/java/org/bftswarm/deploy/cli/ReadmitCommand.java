package org.bftswarm.deploy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.bftswarm.deploy.launcher.ApiClient;
import org.bftswarm.deploy.launcher.ApiException;
import org.bftswarm.deploy.launcher.ApiOptions;
import org.bftswarm.deploy.launcher.ApiTokenFile;
import org.bftswarm.deploy.launcher.ClusterTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code bftswarm readmit NODE}: lifts the quarantine of a node whose results disagreed with accepted
 * ones. Each of f+1 other nodes orders its own vote (ReadmitNode, one per voter), so no f nodes can
 * readmit one of their own; votes go to the other nodes in id order (from the {@code --via} node), skipping
 * any that does not answer.
 */
@Command(
        name = "readmit",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Give a quarantined node new tasks again. A node is quarantined after verification.quarantineAfter"
                    + " reports that differed from results a quorum accepted (see `./bftswarm status`). Readmission"
                    + " is an ordered vote of f+1 distinct other nodes; this command asks them in turn.",
        },
        footerHeading = "%nExamples:%n",
        footer = {"  ./bftswarm readmit 2"})
public final class ReadmitCommand extends ClusterCommand {
    @Parameters(index = "0", paramLabel = "NODE", description = "Node id, 0..n-1.")
    int node;

    @Mixin
    ApiOptions apiOptions;

    @Override
    int run(ClusterTarget target, PrintWriter out, PrintWriter err) throws Exception {
        int n = target.config().n();
        if (node < 0 || node >= n) {
            throw new ParameterException(
                    spec.commandLine(), "no node " + node + " in a cluster of " + n + " (ids 0.." + (n - 1) + ")");
        }
        apiOptions.checkVia(target);
        ApiClient api;
        try {
            apiOptions.clientKey(target);
            api = apiOptions.client(target, ApiTokenFile.read(target.layout().tokenFile()));
        } catch (IOException e) {
            return failure(err, "readmit", e);
        }
        int needed = target.config().f() + 1;
        List<Integer> voted = new ArrayList<>();
        int first = apiOptions.via().orElse(0);
        for (int k = 0; k < n && voted.size() < needed; k++) {
            int voter = (first + k) % n;
            if (voter == node) {
                continue;
            }
            try {
                String result = api.readmitVia(voter, node);
                out.printf("node %d voted: %s%n", voter, result);
                out.flush();
                voted.add(voter);
                if (result.contains("not quarantined") || result.contains("readmitted")) {
                    return 0;
                }
            } catch (ApiException e) {
                err.printf("node %d did not vote: %s%n", voter, e.getMessage());
            }
        }
        err.printf(
                "bftswarm readmit: %d of the %d votes needed were ordered (%s); node %d stays quarantined%n",
                voted.size(), needed, voted, node);
        return 1;
    }
}
