package org.bftswarm.deploy.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.bftswarm.api.NodeJson;

/**
 * Whether a running cluster has settled (after a start, a kill or a restart), as its nodes report it
 * over HTTP: a node's {@code /api/v1/nodes} lists all n nodes UP, and every node's
 * {@code bftswarm_state_members} gauge counts all n gossip members (suspicions are voted only once
 * gossip has formed). Each look is one request bounded by the probe's timeout; a node that does not
 * answer counts as "not settled", never as an error.
 */
public final class ClusterHealthProbe {
    private static final String MEMBERS_GAUGE = "bftswarm_state_members ";

    private final List<String> apiUrls;
    private final Duration requestTimeout;
    private final ObjectMapper json = ApiClient.mapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(ApiClient.CONNECT_TIMEOUT).build();

    /**
     * @param apiUrls        every node's API base URL, by node id (n = their number)
     * @param requestTimeout how long one look at one node may take
     */
    public ClusterHealthProbe(List<String> apiUrls, Duration requestTimeout) {
        this.apiUrls = List.copyOf(apiUrls);
        this.requestTimeout = requestTimeout;
    }

    /** Node {@code via}'s {@code /api/v1/nodes}, or empty when it does not answer 200. */
    public Optional<List<NodeJson>> nodes(int via) {
        return get(apiUrls.get(via) + "/api/v1/nodes")
                .filter(r -> r.statusCode() == 200)
                .flatMap(r -> {
                    try {
                        return Optional.of(List.of(json.readValue(r.body(), NodeJson[].class)));
                    } catch (IOException e) {
                        return Optional.empty();
                    }
                });
    }

    /** Node {@code via} lists all n nodes, every one UP. */
    public boolean allUp(int via) {
        return nodes(via)
                .map(l -> l.size() == apiUrls.size() && l.stream().allMatch(v -> "UP".equals(v.state())))
                .orElse(false);
    }

    /** Node {@code id}'s gauge of visible gossip (Hazelcast) members, -1 when it does not answer. */
    public int stateMembers(int id) {
        Optional<HttpResponse<String>> r = get(apiUrls.get(id) + "/metrics");
        if (r.isEmpty()) {
            return -1;
        }
        for (String line : r.get().body().split("\n")) {
            if (line.startsWith(MEMBERS_GAUGE)) {
                try {
                    return (int) Double.parseDouble(
                            line.substring(MEMBERS_GAUGE.length()).trim());
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    /** Every node's gossip layer sees all n members. */
    public boolean gossipFormed() {
        for (int id = 0; id < apiUrls.size(); id++) {
            if (stateMembers(id) != apiUrls.size()) {
                return false;
            }
        }
        return true;
    }

    private Optional<HttpResponse<String>> get(String url) {
        try {
            return Optional.of(http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(requestTimeout)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
