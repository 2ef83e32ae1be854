package org.bftswarm.node.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a located YAML tree against the records of {@link ConfigDocument} before binding, so that
 * every unknown key, wrong type and null is reported at once with its line and column (Jackson's
 * own binding stops at the first). Leaf values are checked by the strict mapper itself, so "what is
 * accepted" is exactly what the final bind accepts. Offending entries are pruned from the returned
 * copy of the tree, which then binds cleanly; their paths are remembered so later stages do not
 * report a second, derived problem for the same place.
 */
public final class SchemaChecker {

    /** The pruned tree, the problems found, and the paths they were found at. */
    public record Outcome(JsonNode prunedRoot, List<ConfigProblem> problems, Set<String> badPaths) {}

    private final ObjectMapper mapper;
    private final String source;
    private final LocatedTree tree;
    private final List<ConfigProblem> problems = new ArrayList<>();
    private final Set<String> badPaths = new TreeSet<>();

    private SchemaChecker(ObjectMapper mapper, String source, LocatedTree tree) {
        this.mapper = mapper;
        this.source = source;
        this.tree = tree;
    }

    public static Outcome check(ObjectMapper mapper, String source, LocatedTree tree, Class<?> recordType) {
        SchemaChecker checker = new SchemaChecker(mapper, source, tree);
        JsonNode copy = tree.root().deepCopy();
        if (!copy.isObject()) {
            checker.fail("", "expected a mapping of keys such as `swarm:` and `nodes:`, got " + describe(copy));
            return new Outcome(JsonNodeFactory.instance.objectNode(), checker.problems, checker.badPaths);
        }
        checker.checkRecord((ObjectNode) copy, recordType, "");
        return new Outcome(copy, List.copyOf(checker.problems), checker.badPaths);
    }

    /** Checks every key of an object against the components of a record, pruning unknown and bad ones. */
    private void checkRecord(ObjectNode object, Class<?> recordType, String path) {
        Map<String, RecordComponent> components = new LinkedHashMap<>();
        for (RecordComponent component : recordType.getRecordComponents()) {
            components.put(keyOf(component), component);
        }
        List<String> pruned = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String childPath = LocatedTree.child(path, field.getKey());
            RecordComponent component = components.get(field.getKey());
            if (component == null) {
                String hint = KeySuggester.closest(field.getKey(), components.keySet())
                        .map(k -> " (did you mean `" + k + "`?)")
                        .orElse("");
                failAtKey(
                        childPath,
                        "unknown key `" + field.getKey() + "`" + hint + "; allowed here: "
                                + String.join(", ", components.keySet()));
                pruned.add(field.getKey());
            } else if (!checkValue(field.getValue(), component.getGenericType(), childPath)) {
                pruned.add(field.getKey());
            }
        }
        object.remove(pruned);
    }

    /** Returns false when the value is unusable and must be pruned. */
    private boolean checkValue(JsonNode node, Type type, String path) {
        Class<?> raw = rawClass(type);
        // YAML's `key:` with nothing after it reads as null or as an empty string.
        boolean empty = node.isTextual() && node.asText().isEmpty() && raw != String.class;
        if (node.isNull() || empty) {
            fail(path, "no value given; write a value, or remove the key to get the default");
            return false;
        }
        if (raw.isRecord()) {
            if (!node.isObject()) {
                fail(path, "expected a mapping with keys " + keysOf(raw) + ", got " + describe(node));
                return false;
            }
            checkRecord((ObjectNode) node, raw, path);
            return true;
        }
        if (List.class.isAssignableFrom(raw)) {
            if (!node.isArray()) {
                fail(path, "expected a list (lines starting with `- `), got " + describe(node));
                return false;
            }
            Type elementType = typeArgument(type, 0);
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                if (!checkValue(array.get(i), elementType, LocatedTree.element(path, i))) {
                    array.set(i, JsonNodeFactory.instance.objectNode());
                }
            }
            return true;
        }
        if (Map.class.isAssignableFrom(raw)) {
            if (!node.isObject()) {
                fail(path, "expected a mapping of `key: value` pairs, got " + describe(node));
                return false;
            }
            Type valueType = typeArgument(type, 1);
            List<String> pruned = new ArrayList<>();
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                if (!checkValue(entry.getValue(), valueType, LocatedTree.child(path, entry.getKey()))) {
                    pruned.add(entry.getKey());
                }
            }
            ((ObjectNode) node).remove(pruned);
            return true;
        }
        return checkLeaf(node, type, raw, path);
    }

    private boolean checkLeaf(JsonNode node, Type type, Class<?> raw, String path) {
        JavaType javaType = mapper.constructType(type);
        try {
            mapper.readerFor(javaType).readValue(node);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            String hint = raw == String.class && node.isValueNode() ? " (quote it: \"" + node.asText() + "\")" : "";
            fail(path, "expected " + describeType(raw) + ", got " + describe(node) + hint);
            return false;
        }
    }

    private void fail(String path, String message) {
        problems.add(ConfigProblem.error(source, tree.locate(path), path, message));
        badPaths.add(path);
    }

    private void failAtKey(String path, String message) {
        problems.add(ConfigProblem.error(source, tree.locateKey(path), path, message));
        badPaths.add(path);
    }

    private static String keysOf(Class<?> recordType) {
        List<String> names = new ArrayList<>();
        for (RecordComponent component : recordType.getRecordComponents()) {
            names.add(keyOf(component));
        }
        return String.join(", ", names);
    }

    /** The YAML key of a component: its {@code @JsonProperty} name where it has one (e.g. a Java keyword). */
    private static String keyOf(RecordComponent component) {
        JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
        return renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new IllegalArgumentException("unsupported schema type " + type);
    }

    private static Type typeArgument(Type type, int index) {
        return ((ParameterizedType) type).getActualTypeArguments()[index];
    }

    static String describeType(Class<?> raw) {
        if (raw == Integer.class || raw == int.class) {
            return "a whole number (32-bit)";
        }
        if (raw == Double.class || raw == double.class) {
            return "a number";
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return "true or false";
        }
        if (raw == String.class) {
            return "a string";
        }
        return "a " + raw.getSimpleName();
    }

    static String describe(JsonNode node) {
        if (node.isTextual()) {
            return "the string \"" + node.asText() + "\"";
        }
        if (node.isNumber()) {
            return "the number " + node.asText();
        }
        if (node.isBoolean()) {
            return "the boolean " + node.asText();
        }
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isNull() || node.isMissingNode()) {
            return "nothing";
        }
        return "a " + node.getNodeType().name().toLowerCase(Locale.ROOT) + " value";
    }
}
