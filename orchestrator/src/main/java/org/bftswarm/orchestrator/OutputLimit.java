package org.bftswarm.orchestrator;

/**
 * The bounded task output kept in replicated state: at most 64 KiB of UTF-8, and at most 128 KiB
 * once written as a canonical JSON string (control characters, quotes and backslashes are escaped,
 * up to six bytes for one), so the snapshot cost of one kept output has a fixed bound
 * ({@link StateBudget} relies on it). Longer output is cut at the last whole character that fits both,
 * identically on every replica; ordinary text reaches the UTF-8 bound first.
 */
final class OutputLimit {

    static final int MAX_OUTPUT_BYTES = 64 * 1024;
    /** Bound on the kept output's JSON string body (without the quotes). */
    static final int MAX_OUTPUT_JSON_BYTES = 2 * MAX_OUTPUT_BYTES;

    private OutputLimit() {}

    /** True when the text needs more than either limit. */
    static boolean exceeds(String text) {
        return text != null && text.length() > MAX_OUTPUT_BYTES / 6 && keptLength(text) < text.length();
    }

    /** The longest prefix of {@code text} within both limits. */
    static String truncate(String text) {
        if (!exceeds(text)) {
            return text;
        }
        return text.substring(0, keptLength(text));
    }

    /** UTF-8 bytes of {@code text} (0 for null). */
    static long utf8Bytes(String text) {
        if (text == null) {
            return 0;
        }
        long bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            bytes += utf8Length(cp);
            i += Character.charCount(cp);
        }
        return bytes;
    }

    /** Bytes of {@code text} as the body of a canonical JSON string (0 for null). */
    static long jsonBytes(String text) {
        if (text == null) {
            return 0;
        }
        long bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            bytes += jsonLength(cp);
            i += Character.charCount(cp);
        }
        return bytes;
    }

    /** Chars of the longest prefix within both limits. */
    private static int keptLength(String text) {
        int utf8 = 0;
        int json = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int u = utf8Length(cp);
            int j = jsonLength(cp);
            if (utf8 + u > MAX_OUTPUT_BYTES || json + j > MAX_OUTPUT_JSON_BYTES) {
                break;
            }
            utf8 += u;
            json += j;
            i += Character.charCount(cp);
        }
        return i;
    }

    private static int utf8Length(int cp) {
        return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }

    /** JSON escapes: {@code \n \t \r \b \f \" \\} take two bytes, other control characters six. */
    private static int jsonLength(int cp) {
        if (cp == '"' || cp == '\\' || cp == '\n' || cp == '\t' || cp == '\r' || cp == '\b' || cp == '\f') {
            return 2;
        }
        return cp < 0x20 ? 6 : utf8Length(cp);
    }
}
