package org.bftswarm.deploy.launcher;

import java.nio.file.Path;
import java.util.List;
import org.bftswarm.crypto.Invariants;
import org.bftswarm.node.config.ClusterConfig;
import org.bftswarm.node.config.ResolvedNode;

/**
 * The cluster a command acts on: its valid configuration, the absolute path it was read from, its
 * file layout and the bftswarm checkout (for scripts). Several clusters can run side by side on
 * one machine because each command names its own {@code --config} and {@code --data}.
 */
public record ClusterTarget(ClusterConfig config, Path configFile, ClusterLayout layout, Path repoHome) {

    public ClusterTarget {
        Invariants.check(configFile.isAbsolute(), "config path must be absolute: %s", configFile);
    }

    public List<ResolvedNode> nodes() {
        return config.nodes();
    }

    /** Base URL of node {@code id}'s HTTP API, e.g. {@code http://127.0.0.1:8081}. */
    public String apiUrl(int id) {
        return apiUrl(config.node(id));
    }

    public static String apiUrl(ResolvedNode node) {
        return "http://" + node.host() + ":" + node.httpPort();
    }

    /** Every node's API base URL, by node id. */
    public List<String> apiUrls() {
        return config.nodes().stream().map(ClusterTarget::apiUrl).toList();
    }
}
