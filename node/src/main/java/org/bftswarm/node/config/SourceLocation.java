package org.bftswarm.node.config;

/**
 * A 1-based line and column in a configuration file, taken from the YAML parser's token
 * location so that every problem can point at the exact place a user has to edit.
 */
public record SourceLocation(int line, int column) {
    /** The start of the file; used for problems that belong to no particular token. */
    public static final SourceLocation START = new SourceLocation(1, 1);

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
