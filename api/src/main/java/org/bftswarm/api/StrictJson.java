package org.bftswarm.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.util.stream.Collectors;

/**
 * Jackson configured for hostile request bodies: unknown fields, duplicate keys, trailing tokens,
 * scalar coercions ("2" for a number, 1.5 for an integer, 5 for a string) all fail, and every
 * failure becomes a 400 {@link ApiProblem} that names the field and the JSON type it wanted (string,
 * number, whole number, array, object, boolean), never a Java class and never an unchecked exception:
 * a decoder does not throw unchecked exceptions on hostile bytes.
 */
final class StrictJson {
    private static final int MAX_DETAIL_CHARS = 300;

    private final ObjectMapper mapper;

    StrictJson() {
        JsonMapper m = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        m.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        for (LogicalType numeric : new LogicalType[] {LogicalType.Integer, LogicalType.Float}) {
            m.coercionConfigFor(numeric)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        }
        this.mapper = m;
    }

    /** The mapper used for responses too (output is not affected by the strict read settings). */
    ObjectMapper mapper() {
        return mapper;
    }

    /** Decodes a request body; any problem with it is a 400 naming the field. */
    <T> T decode(byte[] body, Class<T> type) {
        if (body.length == 0) {
            throw ApiProblem.badRequest("request body is empty; expected a JSON object");
        }
        T value;
        try {
            value = mapper.readValue(body, type);
        } catch (JacksonException e) {
            throw ApiProblem.badRequest(describe(e));
        } catch (IOException e) {
            throw ApiProblem.badRequest("unreadable request body: " + clip(e.getMessage()));
        }
        if (value == null) {
            throw ApiProblem.badRequest("request body is JSON null; expected a JSON object");
        }
        return value;
    }

    static String describe(JacksonException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            String refused =
                    u.getReferringClass() == JobSubmission.class ? HostAccessFields.refusal(u.getPropertyName()) : null;
            if (refused != null) {
                return clip(u.getPropertyName()) + ": refused: " + refused + at(u);
            }
            String known = u.getKnownPropertyIds() == null
                    ? ""
                    : u.getKnownPropertyIds().stream()
                            .map(String::valueOf)
                            .sorted()
                            .collect(Collectors.joining(", "));
            return "unknown field '" + clip(u.getPropertyName()) + "'" + at(u)
                    + (known.isEmpty() ? "" : "; known fields: " + known);
        }
        if (e instanceof MismatchedInputException m) {
            String path = path(m);
            return (path.isEmpty() ? "wrong type for the body" : "wrong type for field '" + path + "'") + ": expected "
                    + JsonTypeNames.of(m.getTargetType()) + at(m);
        }
        if (e instanceof StreamReadException) {
            return "malformed JSON" + at(e) + ": " + clip(e.getOriginalMessage());
        }
        if (e instanceof DatabindException d) {
            String path = d instanceof JsonMappingException jm ? path(jm) : "";
            return "invalid value" + (path.isEmpty() ? "" : " for field '" + path + "'") + at(e) + ": "
                    + clip(e.getOriginalMessage());
        }
        return "malformed JSON: " + clip(e.getOriginalMessage());
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(clip(r.getFieldName()));
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String at(JacksonException e) {
        JsonLocation loc = e.getLocation();
        return loc == null || loc.getLineNr() < 1 ? "" : " at line " + loc.getLineNr() + " column " + loc.getColumnNr();
    }

    private static String clip(String s) {
        if (s == null) {
            return "";
        }
        String oneLine = s.replaceAll("\\p{Cntrl}", " ");
        return oneLine.length() <= MAX_DETAIL_CHARS ? oneLine : oneLine.substring(0, MAX_DETAIL_CHARS) + "…";
    }
}
