package org.bftswarm.node.config;

import java.util.Locale;

/**
 * One finding about a configuration file: where it is (file, line, column, field path), how bad
 * it is, and a sentence that tells the user what is wrong and what would be right. Printed in the
 * compiler-style form {@code file:line:column: error: path: message}. The location is null only
 * for problems with the file as a whole (missing, unreadable), which have no line.
 */
public record ConfigProblem(Severity severity, String source, SourceLocation location, String path, String message) {

    /** Errors make a file invalid; warnings are printed but the file is still usable. */
    public enum Severity {
        ERROR,
        WARNING
    }

    public static ConfigProblem error(String source, SourceLocation location, String path, String message) {
        return new ConfigProblem(Severity.ERROR, source, location, path, message);
    }

    public static ConfigProblem warning(String source, SourceLocation location, String path, String message) {
        return new ConfigProblem(Severity.WARNING, source, location, path, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code cluster-config.yaml:3:10: error: nodes.count: expected an integer, got the string "many"}. */
    public String format() {
        String where = path.isEmpty() ? "" : path + ": ";
        String at = location == null ? "" : ":" + location.line() + ":" + location.column();
        return source + at + ": " + severity.name().toLowerCase(Locale.ROOT) + ": " + where + message;
    }
}
