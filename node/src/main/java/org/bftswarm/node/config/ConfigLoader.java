package org.bftswarm.node.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads a configuration file from disk (the only I/O of the config package) and hands its text to
 * {@link ConfigParser}. Unreadable files and files that are not UTF-8 become problems, not
 * exceptions. {@link #loadOrThrow(Path)} is the entry point for the node runtime.
 */
public final class ConfigLoader {
    /** Larger than any sane cluster description; protects against reading a wrong, huge file. */
    static final long MAX_BYTES = 4L * 1024 * 1024;

    private final ConfigParser parser = new ConfigParser();

    public ConfigReport load(Path file) {
        String source = file.toString();
        try {
            if (Files.isDirectory(file)) {
                return unreadable(source, "is a directory, not a configuration file");
            }
            if (Files.size(file) > MAX_BYTES) {
                return unreadable(source, "is larger than " + MAX_BYTES + " bytes; is it really a configuration file?");
            }
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return parser.parse(source, text);
        } catch (NoSuchFileException e) {
            return unreadable(source, "no such file");
        } catch (CharacterCodingException e) {
            return unreadable(source, "is not UTF-8 text");
        } catch (IOException e) {
            return unreadable(source, "cannot be read: " + e.getMessage());
        }
    }

    /** Loads a valid configuration or throws {@link InvalidConfigException} listing every error. */
    public ClusterConfig loadOrThrow(Path file) {
        ConfigReport report = load(file);
        return report.config().orElseThrow(() -> new InvalidConfigException(report.errors()));
    }

    private static ConfigReport unreadable(String source, String message) {
        return new ConfigReport(source, Optional.empty(), List.of(ConfigProblem.error(source, null, "", message)));
    }

    /** A configuration that has errors; the message lists them one per line. */
    public static final class InvalidConfigException extends RuntimeException {
        private final List<ConfigProblem> errors;

        public InvalidConfigException(List<ConfigProblem> errors) {
            super(errors.stream().map(ConfigProblem::format).collect(Collectors.joining("\n")));
            this.errors = List.copyOf(errors);
        }

        public List<ConfigProblem> errors() {
            return errors;
        }
    }
}
