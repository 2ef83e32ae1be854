package org.bftswarm.orchestrator;

import java.nio.charset.StandardCharsets;

/**
 * The bounded task output kept in replicated state (at most 64 KiB): longer output
 * is cut at the last whole character that fits in 64 KiB of UTF-8, identically on every replica.
 */
final class OutputLimit {

    static final int MAX_OUTPUT_BYTES = 64 * 1024;

    private OutputLimit() {}

    /** True when the text needs more than the limit in UTF-8. */
    static boolean exceeds(String text) {
        return text != null && text.length() > MAX_OUTPUT_BYTES / 3 && utf8Length(text) > MAX_OUTPUT_BYTES;
    }

    /** The longest prefix of {@code text} whose UTF-8 form is at most the limit. */
    static String truncate(String text) {
        if (!exceeds(text)) {
            return text;
        }
        int bytes = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + len > MAX_OUTPUT_BYTES) {
                break;
            }
            bytes += len;
            i += Character.charCount(cp);
        }
        return text.substring(0, i);
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
