package org.bftswarm.deploy.launcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The files of a data job on the command line: a WebAssembly module (sent base64-encoded), a dataset
 * (a JSON array of integers) and an input file (UTF-8 text, one element per line: a trailing newline
 * ends the last line, a CR before each newline is dropped). Each problem names the file and, for JSON,
 * the line and column.
 */
public record DataJobFiles(
        Path wasm,
        Path dataset,
        Path input,
        Integer shards,
        String reduce,
        String entry,
        Integer deadlineSeconds,
        Long fuel,
        Integer memoryPages) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** No data options at all. */
    public static final DataJobFiles NONE = new DataJobFiles(null, null, null, null, null, null, null, null, null);

    /** Whether any data option was given. */
    public boolean given() {
        return !equals(NONE);
    }

    public String wasmBase64() {
        return wasm == null ? null : Base64.getEncoder().encodeToString(read(wasm, "--wasm"));
    }

    public long[] datasetValues() {
        if (dataset == null) {
            return null;
        }
        byte[] bytes = read(dataset, "--dataset");
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("--dataset " + dataset + ": not JSON at line "
                    + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("--dataset " + dataset + ": " + e.getMessage());
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("--dataset " + dataset + ": must be a JSON array of integers");
        }
        long[] values = new long[root.size()];
        for (int i = 0; i < root.size(); i++) {
            JsonNode v = root.get(i);
            if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                throw new IllegalArgumentException(
                        "--dataset " + dataset + ": element " + i + " (" + v + ") is not a 64-bit integer");
            }
            values[i] = v.longValue();
        }
        return values;
    }

    public List<String> inputLines() {
        if (input == null) {
            return null;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(read(input, "--input")))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("--input " + input + ": not UTF-8 text");
        }
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        }
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static byte[] read(Path file, String option) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + file + ": cannot read (" + e.getMessage() + ")");
        }
    }
}
