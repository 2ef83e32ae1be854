package org.bftswarm.api;

/**
 * The JSON body of every API error, whatever its status, {@code {"error","detail"}}:
 * {@code error} is a stable machine-readable code, {@code detail} a human-readable explanation.
 */
public record ApiError(String error, String detail) {}
