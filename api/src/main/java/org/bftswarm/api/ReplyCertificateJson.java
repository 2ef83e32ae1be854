package org.bftswarm.api;

/**
 * One replica's signed reply certificate as JSON: replica {@code replica} executed request
 * {@code request} of consensus client {@code client} at sequence {@code sequence} with a result whose
 * SHA-256 is {@code resultDigest} (hex); {@code signature} (hex) is its Ed25519 signature over those
 * values as the consensus module's {@code ReplyCertificate} frames them.
 */
public record ReplyCertificateJson(
        int replica, int client, long request, long sequence, String resultDigest, String signature) {}
