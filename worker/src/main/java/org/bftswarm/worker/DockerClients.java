package org.bftswarm.worker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.net.URI;
import java.time.Duration;

/**
 * Builds docker-java clients (docker-java core with the httpclient5 transport, no
 * API version set, so the engine's own version is used). The host defaults to the local unix socket;
 * {@code DOCKER_HOST} is honoured. No response timeout is set on the transport because attach and
 * wait are long-lived streams; callers bound their waits themselves.
 */
public final class DockerClients {
    /** Connection set-up bound. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Each running task holds two streams (attach, wait), so the pool is generous. */
    public static final int MAX_CONNECTIONS = 512;

    private DockerClients() {}

    /** The engine host {@link #create()} connects to: {@code DOCKER_HOST}, or the local unix socket. */
    public static URI defaultHost() {
        return DefaultDockerClientConfig.createDefaultConfigBuilder().build().getDockerHost();
    }

    /** A client for {@code DOCKER_HOST}, or the local unix socket when it is unset. */
    public static DockerClient create() {
        return create(DefaultDockerClientConfig.createDefaultConfigBuilder().build());
    }

    /** A client for an explicit host URI such as {@code unix:///var/run/docker.sock}. */
    public static DockerClient create(String dockerHost) {
        return create(DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(dockerHost)
                .build());
    }

    private static DockerClient create(DockerClientConfig config) {
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(MAX_CONNECTIONS)
                .connectionTimeout(CONNECT_TIMEOUT)
                .build();
        return DockerClientImpl.getInstance(config, http);
    }

    /**
     * Pings the engine; throws {@link IllegalStateException} naming the host and the cause when it
     * does not answer.
     */
    public static void requireReachable(DockerClient docker) {
        try {
            docker.pingCmd().exec();
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "Docker engine unreachable (DOCKER_HOST="
                            + System.getenv().getOrDefault("DOCKER_HOST", "unset, using unix:///var/run/docker.sock")
                            + "): " + e + ". Start it with scripts/ensure-docker.sh.",
                    e);
        }
    }
}
