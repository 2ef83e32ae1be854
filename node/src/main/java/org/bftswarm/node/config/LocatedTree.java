package org.bftswarm.node.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * A parsed YAML document together with the source location of every key and every value, indexed
 * by field path ({@code nodes.list[2].host}). Jackson's tree model drops token locations, so the
 * reader records them on the side; every later stage (schema, semantics) reports problems through
 * {@link #locate(String)} and therefore always names a line and column.
 */
public final class LocatedTree {
    private final JsonNode root;
    private final Map<String, SourceLocation> keyLocations;
    private final Map<String, SourceLocation> valueLocations;

    public LocatedTree(
            JsonNode root, Map<String, SourceLocation> keyLocations, Map<String, SourceLocation> valueLocations) {
        this.root = root;
        this.keyLocations = new TreeMap<>(keyLocations);
        this.valueLocations = new TreeMap<>(valueLocations);
    }

    public JsonNode root() {
        return root;
    }

    /** Path of a key inside an object at {@code parent}: {@code nodes} + {@code count} = {@code nodes.count}. */
    public static String child(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    /** Path of an element inside a list at {@code parent}: {@code nodes.list} + 2 = {@code nodes.list[2]}. */
    public static String element(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** Where the key of {@code path} was written, or where its value starts, or the nearest written ancestor. */
    public SourceLocation locateKey(String path) {
        SourceLocation key = keyLocations.get(path);
        return key != null ? key : locate(path);
    }

    /**
     * Where the value of {@code path} starts; for a path that is not in the file (a default), the
     * location of the nearest ancestor that is, and finally the start of the file.
     */
    public SourceLocation locate(String path) {
        String p = path;
        while (true) {
            SourceLocation value = valueLocations.get(p);
            if (value != null) {
                return value;
            }
            SourceLocation key = keyLocations.get(p);
            if (key != null) {
                return key;
            }
            if (p.isEmpty()) {
                return SourceLocation.START;
            }
            p = parentOf(p);
        }
    }

    /** True when {@code path} was written in the file (as a key or a list element). */
    public boolean isPresent(String path) {
        return keyLocations.containsKey(path) || valueLocations.containsKey(path);
    }

    static String parentOf(String path) {
        int dot = path.lastIndexOf('.');
        int bracket = path.lastIndexOf('[');
        int cut = Math.max(dot, bracket);
        return cut < 0 ? "" : path.substring(0, cut);
    }
}
