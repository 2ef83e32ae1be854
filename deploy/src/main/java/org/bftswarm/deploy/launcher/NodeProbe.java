package org.bftswarm.deploy.launcher;

/**
 * What one look at a starting node found: is its process alive, does {@code /healthz} answer 200,
 * and the last sequence number it executed ({@code -1} when {@code /api/v1/cluster} did not answer).
 */
public record NodeProbe(int id, boolean processAlive, boolean healthy, long lastExecuted) {
    public static final long UNKNOWN = -1;
}
