package org.bftswarm.node.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one YAML document into a Jackson tree while recording the {@link JsonLocation} of every
 * key and value by field path (see {@link LocatedTree}). The parser comes from the strict mapper of
 * {@link ConfigMappers}, so duplicate keys are rejected by Jackson's STRICT_DUPLICATE_DETECTION.
 * Syntax errors cannot be recovered from; they come back as a single {@link ConfigProblem}.
 */
public final class LocatedYamlReader {

    /** Either a tree or the syntax error that stopped the parser. */
    public sealed interface Result permits Parsed, SyntaxError {}

    public record Parsed(LocatedTree tree) implements Result {}

    public record SyntaxError(ConfigProblem problem) implements Result {}

    private final YAMLMapper mapper;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    public LocatedYamlReader(YAMLMapper mapper) {
        this.mapper = mapper;
    }

    public Result read(String source, String text) {
        Map<String, SourceLocation> keys = new HashMap<>();
        Map<String, SourceLocation> values = new HashMap<>();
        try (JsonParser parser = mapper.getFactory().createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new Parsed(new LocatedTree(nodes.nullNode(), keys, values));
            }
            JsonNode root = readValue(parser, "", keys, values);
            JsonToken extra = parser.nextToken();
            if (extra != null) {
                return new SyntaxError(ConfigProblem.error(
                        source,
                        toLocation(parser.currentTokenLocation()),
                        "",
                        "only one YAML document is allowed, but a second one starts here"));
            }
            return new Parsed(new LocatedTree(root, keys, values));
        } catch (JsonProcessingException e) {
            SourceLocation where = problemLocation(e);
            return new SyntaxError(
                    ConfigProblem.error(source, where, "", "not valid YAML: " + explanation(e.getOriginalMessage())));
        } catch (IOException e) {
            return new SyntaxError(
                    ConfigProblem.error(source, SourceLocation.START, "", "cannot read: " + e.getMessage()));
        }
    }

    private JsonNode readValue(
            JsonParser p, String path, Map<String, SourceLocation> keys, Map<String, SourceLocation> values)
            throws IOException {
        values.put(path, toLocation(p.currentTokenLocation()));
        if (p instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            throw new JsonParseException(
                    p, "YAML aliases (*" + p.getText() + ") are not supported; write the value out");
        }
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT: {
                ObjectNode object = nodes.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String childPath = LocatedTree.child(path, name);
                    keys.put(childPath, toLocation(p.currentTokenLocation()));
                    p.nextToken();
                    object.set(name, readValue(p, childPath, keys, values));
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = nodes.arrayNode();
                int index = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    array.add(readValue(p, LocatedTree.element(path, index), keys, values));
                    index++;
                }
                return array;
            }
            case VALUE_STRING:
                return nodes.textNode(p.getText());
            case VALUE_NUMBER_INT:
                return integerNode(p);
            case VALUE_NUMBER_FLOAT:
                return nodes.numberNode(p.getDecimalValue());
            case VALUE_TRUE:
                return nodes.booleanNode(true);
            case VALUE_FALSE:
                return nodes.booleanNode(false);
            case VALUE_NULL:
                return nodes.nullNode();
            case VALUE_EMBEDDED_OBJECT:
                return nodes.pojoNode(p.getEmbeddedObject());
            default:
                throw new JsonParseException(p, "unexpected YAML token " + token);
        }
    }

    private JsonNode integerNode(JsonParser p) throws IOException {
        switch (p.getNumberType()) {
            case INT:
                return nodes.numberNode(p.getIntValue());
            case LONG:
                return nodes.numberNode(p.getLongValue());
            default:
                return nodes.numberNode(p.getBigIntegerValue());
        }
    }

    /**
     * Where the problem is: SnakeYAML's "problem mark" (the offending character) when the parser
     * has one, else Jackson's location (for YAML, often the start of the enclosing construct).
     */
    private static SourceLocation problemLocation(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            Mark mark = marked.getProblemMark();
            return new SourceLocation(mark.getLine() + 1, mark.getColumn() + 1);
        }
        return e.getLocation() == null ? SourceLocation.START : toLocation(e.getLocation());
    }

    private static SourceLocation toLocation(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return SourceLocation.START;
        }
        return new SourceLocation(location.getLineNr(), Math.max(1, location.getColumnNr()));
    }

    /**
     * The parser's explanation without its echo of the source: SnakeYAML appends
     * "in 'reader', line L, column C:" lines and an indented snippet with a caret; the location is
     * reported separately, so only the sentences remain, joined by "; ".
     */
    static String explanation(String message) {
        if (message == null || message.isBlank()) {
            return "unknown syntax error";
        }
        StringBuilder kept = new StringBuilder();
        for (String line : message.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || line.startsWith("    ") || trimmed.startsWith("in 'reader'")) {
                continue;
            }
            kept.append(kept.length() == 0 ? "" : "; ").append(trimmed);
        }
        return kept.length() == 0 ? message.strip() : kept.toString();
    }
}
