package org.bftswarm.deploy.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bftswarm.node.config.ConfigDocument;

/**
 * A dotted key of {@code cluster-config.yaml} ({@code consensus.batchMaxSize}, {@code labels.zone})
 * checked against the configuration schema ({@link ConfigDocument}, whose field names are the keys):
 * every segment must name a field of its section, a label map takes any one further segment, and
 * the key must end at a single value (a number, a switch or a text), never at a section or a list.
 * Pure; a bad key throws {@link IllegalArgumentException} whose message names the key and lists the
 * keys that are allowed there.
 */
public record ConfigKey(List<String> segments, Kind kind) {

    /** What kind of value the key holds; decides how {@code config set} writes the value. */
    public enum Kind {
        NUMBER,
        SWITCH,
        TEXT
    }

    public ConfigKey {
        segments = List.copyOf(segments);
    }

    /** The key as written, {@code a.b.c}. */
    public String dotted() {
        return String.join(".", segments);
    }

    /** Resolves {@code dotted} against the schema. */
    public static ConfigKey parse(String dotted) {
        if (dotted == null
                || dotted.isBlank()
                || dotted.startsWith(".")
                || dotted.endsWith(".")
                || dotted.contains("..")) {
            throw new IllegalArgumentException("'" + dotted + "' is not a key; keys look like consensus.batchMaxSize");
        }
        List<String> segments = List.of(dotted.split("\\."));
        Type type = ConfigDocument.class;
        List<String> walked = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            String where = walked.isEmpty() ? "at the top level" : "under " + String.join(".", walked);
            Type next;
            if (type instanceof Class<?> c && c.isRecord()) {
                next = component(c, segment);
                if (next == null) {
                    throw new IllegalArgumentException("unknown key " + dotted + ": no '" + segment + "' " + where
                            + " (known there: " + String.join(", ", names(c)) + ")");
                }
            } else if (isMap(type)) {
                next = String.class;
            } else {
                throw new IllegalArgumentException("unknown key " + dotted + ": " + String.join(".", walked)
                        + " holds a single value, it has no '" + segment + "'");
            }
            walked.add(segment);
            type = next;
        }
        if (type instanceof Class<?> c && c.isRecord()) {
            throw new IllegalArgumentException(dotted + " is a section, not a value; set one of its keys: "
                    + String.join(", ", names(c)).replaceAll("(^|, )", "$1" + dotted + "."));
        }
        if (isMap(type)) {
            throw new IllegalArgumentException(dotted + " is a map of labels; set one label, e.g. " + dotted + ".zone");
        }
        if (isList(type)) {
            throw new IllegalArgumentException(
                    dotted + " is a list; config set edits single values, edit lists in the file by hand");
        }
        return new ConfigKey(segments, kindOf((Class<?>) type));
    }

    private static Kind kindOf(Class<?> type) {
        if (type == Integer.class || type == Long.class) {
            return Kind.NUMBER;
        }
        if (type == Boolean.class) {
            return Kind.SWITCH;
        }
        return Kind.TEXT;
    }

    private static Type component(Class<?> record, String name) {
        for (RecordComponent rc : record.getRecordComponents()) {
            if (yamlName(rc).equals(name)) {
                return rc.getGenericType() instanceof ParameterizedType p && !isMap(p) && !isList(p)
                        ? p.getRawType()
                        : rc.getGenericType();
            }
        }
        return null;
    }

    private static List<String> names(Class<?> record) {
        List<String> names = new ArrayList<>();
        for (RecordComponent rc : record.getRecordComponents()) {
            names.add(yamlName(rc));
        }
        return names;
    }

    private static String yamlName(RecordComponent rc) {
        JsonProperty renamed = rc.getAccessor().getAnnotation(JsonProperty.class);
        if (renamed == null) {
            renamed = rc.getAnnotation(JsonProperty.class);
        }
        return renamed != null && !renamed.value().isEmpty() ? renamed.value() : rc.getName();
    }

    private static boolean isMap(Type type) {
        return raw(type) != null && Map.class.isAssignableFrom(raw(type));
    }

    private static boolean isList(Type type) {
        return raw(type) != null && List.class.isAssignableFrom(raw(type));
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return null;
    }
}
