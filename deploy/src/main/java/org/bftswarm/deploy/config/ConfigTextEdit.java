package org.bftswarm.deploy.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Sets one key in the text of a block-style YAML configuration, touching only the key's own line:
 * the value is replaced in place and the line's trailing comment stays where it was (same column
 * when the new value fits); a missing key is inserted as a new line at the end of its section (a
 * missing section at the end of its parent, or of the file); an empty flow map ({@code labels: {}})
 * becomes a block holding the new entry, and a one-level flow map ({@code {zone: a}}) is rewritten
 * with the entry set. Every other line, comment and blank line is kept byte for byte. Pure: the
 * result is meant to be validated by the configuration parser before it is written anywhere.
 */
public final class ConfigTextEdit {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./-][A-Za-z0-9_./ -]*");
    private static final Pattern YAML_WORDS =
            Pattern.compile("(?i)true|false|yes|no|on|off|null|~|[-+]?[0-9][0-9_.eExXoO+-]*|\\.inf|\\.nan");

    private ConfigTextEdit() {}

    /** {@code text} with {@code key} set to {@code value}, written as YAML for the key's kind. */
    public static String set(String text, ConfigKey key, String value) {
        String scalar = scalar(key.kind(), value);
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        boolean trailingNewline =
                !lines.isEmpty() && lines.get(lines.size() - 1).isEmpty();
        if (trailingNewline) {
            lines.remove(lines.size() - 1);
        }
        apply(lines, key.segments(), scalar);
        String joined = String.join(newline, lines);
        return trailingNewline || text.isEmpty() ? joined + newline : joined;
    }

    /** How {@code value} is written: numbers and switches as given (the parser judges them), text quoted if needed. */
    static String scalar(ConfigKey.Kind kind, String value) {
        boolean plain = PLAIN.matcher(value).matches() && !value.endsWith(" ");
        if (kind != ConfigKey.Kind.TEXT) {
            return plain ? value : quote(value);
        }
        return plain && !YAML_WORDS.matcher(value).matches() ? value : quote(value);
    }

    private static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static void apply(List<String> lines, List<String> segments, String scalar) {
        int from = 0;
        int to = lines.size();
        int indent = firstIndent(lines, from, to, 0);
        int insertAfter = lastContent(lines, from, to);
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            boolean last = i == segments.size() - 1;
            int at = find(lines, from, to, indent, segment);
            if (at < 0) {
                insert(lines, insertAfter, indent, segments.subList(i, segments.size()), scalar);
                return;
            }
            String line = lines.get(at);
            int colon = line.indexOf(':', indent + segment.length());
            int commentAt = commentStart(line, colon + 1);
            String value = line.substring(colon + 1, commentAt < 0 ? line.length() : commentAt)
                    .strip();
            if (last) {
                lines.set(at, withValue(line, colon, commentAt, scalar));
                return;
            }
            int end = blockEnd(lines, at, indent);
            if (value.equals("{}")) {
                lines.set(at, withValue(line, colon, commentAt, ""));
                insert(lines, at, indent + 2, segments.subList(i + 1, segments.size()), scalar);
                return;
            }
            if (value.startsWith("{") && value.endsWith("}") && i == segments.size() - 2) {
                String flow = flowWith(value, segments.get(i + 1), scalar);
                lines.set(at, withValue(line, colon, commentAt, flow));
                return;
            }
            if (!value.isEmpty()) {
                // a scalar where a section belongs: write the section anyway and let the parser say so
                lines.set(at, withValue(line, colon, commentAt, ""));
            }
            from = at + 1;
            to = end + 1;
            indent = firstIndent(lines, from, to, indent + 2);
            insertAfter = end;
        }
    }

    /** {@code {a: 1, b: 2}} with {@code key} set (replaced in place or appended). */
    static String flowWith(String flow, String key, String scalar) {
        String inner = flow.substring(1, flow.length() - 1).strip();
        List<String> entries = new ArrayList<>();
        boolean replaced = false;
        if (!inner.isEmpty()) {
            for (String entry : inner.split(",")) {
                String e = entry.strip();
                int colon = e.indexOf(':');
                String k = colon < 0 ? e : e.substring(0, colon).strip();
                if (k.equals(key)) {
                    entries.add(key + ": " + scalar);
                    replaced = true;
                } else {
                    entries.add(e);
                }
            }
        }
        if (!replaced) {
            entries.add(key + ": " + scalar);
        }
        return "{" + String.join(", ", entries) + "}";
    }

    private static String withValue(String line, int colon, int commentAt, String scalar) {
        String head = line.substring(0, colon + 1) + (scalar.isEmpty() ? "" : " " + scalar);
        if (commentAt < 0) {
            return head;
        }
        String comment = line.substring(commentAt);
        int pad = head.length() < commentAt ? commentAt - head.length() : 2;
        return head + " ".repeat(pad) + comment;
    }

    private static void insert(List<String> lines, int after, int indent, List<String> segments, String scalar) {
        List<String> added = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            String pad = " ".repeat(indent + 2 * i);
            added.add(pad + segments.get(i) + ":" + (i == segments.size() - 1 ? " " + scalar : ""));
        }
        lines.addAll(after + 1, added);
    }

    /** The line of {@code key:} at exactly {@code indent} within [from, to), or -1. */
    private static int find(List<String> lines, int from, int to, int indent, String key) {
        for (int i = from; i < to; i++) {
            String line = lines.get(i);
            if (isBlankOrComment(line) || indentOf(line) != indent) {
                continue;
            }
            String rest = line.substring(indent);
            if (rest.startsWith(key + ":")
                    && (rest.length() == key.length() + 1 || Character.isWhitespace(rest.charAt(key.length() + 1)))) {
                return i;
            }
        }
        return -1;
    }

    /** The last line belonging to the block opened by the key on line {@code at} (the key's line if none). */
    private static int blockEnd(List<String> lines, int at, int indent) {
        int last = at;
        for (int i = at + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            if (indentOf(line) <= indent) {
                break;
            }
            last = i;
        }
        return last;
    }

    private static int firstIndent(List<String> lines, int from, int to, int fallback) {
        for (int i = from; i < to; i++) {
            if (!isBlankOrComment(lines.get(i))) {
                return indentOf(lines.get(i));
            }
        }
        return fallback;
    }

    private static int lastContent(List<String> lines, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return from - 1;
    }

    /** Where a {@code #} comment starts on {@code line} at or after {@code from} (outside quotes), or -1. */
    static int commentStart(String line, int from) {
        char quote = 0;
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote == '"') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isBlankOrComment(String line) {
        String s = line.strip();
        return s.isEmpty() || s.startsWith("#");
    }

    private static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
