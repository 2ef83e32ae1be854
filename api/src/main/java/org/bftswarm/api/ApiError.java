package org.bftswarm.api;

/**
 * The JSON body of every API error (issue 4: errors are JSON {@code {"error","detail"}}):
 * {@code error} is a stable machine-readable code, {@code detail} a human-readable explanation.
 */
public record ApiError(String error, String detail) {}
