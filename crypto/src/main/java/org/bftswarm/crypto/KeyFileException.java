package org.bftswarm.crypto;

import java.io.IOException;
import java.nio.file.Path;

/** A key file is missing, malformed, or has unsafe permissions; the message names the file and the fix. */
public final class KeyFileException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;

    public KeyFileException(Path file, String message) {
        super(message);
        this.file = file;
    }

    public KeyFileException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** The offending file. */
    public Path file() {
        return file;
    }
}
