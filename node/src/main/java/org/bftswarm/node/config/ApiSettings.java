package org.bftswarm.node.config;

/**
 * The {@code api:} section. With {@code allowToken: true} (the default) a write sent with the
 * cluster's bearer token is accepted and signed by the node that received it, so it trusts that one
 * node; with {@code false} only operations a client signed with its own key are accepted.
 */
public record ApiSettings(boolean allowToken) {

    public static final ApiSettings DEFAULTS = new ApiSettings(true);
}
