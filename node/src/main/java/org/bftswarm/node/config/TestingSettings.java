package org.bftswarm.node.config;

/**
 * The {@code testing:} section: switches that only a test cluster may turn on. With
 * {@code allowByzantine: true} a node may be started with Byzantine behaviours ({@code --byzantine});
 * without it every node refuses them, so a production configuration can never run a lying node by
 * a stray command-line flag.
 */
public record TestingSettings(boolean allowByzantine) {

    public static final TestingSettings DEFAULTS = new TestingSettings(false);

    /** The full path of the switch, as error messages name it. */
    public static final String ALLOW_BYZANTINE_KEY = "testing.allowByzantine";
}
