package org.bftswarm.deploy.launcher;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.bftswarm.api.JobSubmission;

/**
 * A job described in a file for {@code submit -f}: the body of {@code POST /api/v1/jobs} written as
 * JSON ({@code .json}) or YAML (anything else), read as strictly as the API reads it (unknown fields,
 * duplicate keys and coerced scalars such as {@code "2"} for a number all fail). A problem throws
 * {@link IllegalArgumentException} naming the file, line, column and field.
 */
public final class JobFile {
    private JobFile() {}

    public static JobSubmission read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read: " + e.getMessage());
        }
        ObjectMapper mapper = file.getFileName().toString().endsWith(".json")
                ? strict(JsonMapper.builder())
                : strict(YAMLMapper.builder());
        JobSubmission job;
        try {
            job = mapper.readValue(text, JobSubmission.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(describe(file, text, e));
        }
        if (job == null) {
            throw new IllegalArgumentException(file + ": empty; expected a job, e.g. image: bftswarm/busybox");
        }
        return job;
    }

    private static ObjectMapper strict(MapperBuilder<?, ?> builder) {
        ObjectMapper m = builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
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
        return m;
    }

    /** {@code :LINE:COLUMN} of the top-level key {@code name} in YAML ({@code name:}) or JSON ({@code "name":}). */
    static Optional<String> keyLocation(String text, String name) {
        Pattern key =
                Pattern.compile("^(\\s*\\{?\\s*)(\"" + Pattern.quote(name) + "\"|" + Pattern.quote(name) + ")\\s*:");
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = key.matcher(lines.get(i));
            if (m.find()) {
                return Optional.of(":" + (i + 1) + ":" + (m.group(1).length() + 1));
            }
        }
        return Optional.empty();
    }

    /** {@code job.yaml:3:8: count: ...} from a Jackson failure, without Java class names. */
    static String describe(Path file, String text, JacksonException e) {
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 1 ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
        if (e instanceof UnrecognizedPropertyException u) {
            // the parser has read past the field by the time the record is bound: find the key itself
            where = keyLocation(text, u.getPropertyName()).orElse(where);
        }
        String field = "";
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            field = m.getPath().stream()
                            .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                            .collect(Collectors.joining("."))
                            .replace(".[", "[")
                    + ": ";
        }
        String message;
        if (e instanceof UnrecognizedPropertyException u) {
            message = "unknown field '" + u.getPropertyName() + "' (known: "
                    + u.getKnownPropertyIds().stream()
                            .map(String::valueOf)
                            .sorted()
                            .collect(Collectors.joining(", "))
                    + ")";
            field = "";
        } else {
            message = e.getOriginalMessage()
                    .replaceAll("`[a-zA-Z0-9_.$]+\\.([A-Za-z0-9_$]+)`", "$1")
                    .replaceAll("java\\.lang\\.", "");
            int cut = message.indexOf('\n');
            message = cut < 0 ? message : message.substring(0, cut);
        }
        return file + where + ": " + field + message;
    }
}
