package org.bftswarm.tests.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generated HTTP requests for a live node: every method, known and random paths (unicode, percent
 * signs, dot segments, long ones), bodies of random JSON (wrong types for the job fields, huge and
 * odd numbers, unicode and NUL, nesting deeper than any parser allows, truncated or non-JSON bytes)
 * and every kind of bearer token (the right one, none, garbage, the right one changed).
 */
final class FuzzedRequests {
    /** One generated request; {@code body} null means none. */
    record Request(String method, String path, String body, Token token) {
        @Override
        public String toString() {
            String shown = body == null ? "-" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
            return method + " " + path + " token=" + token + " body=" + shown;
        }
    }

    enum Token {
        VALID,
        NONE,
        GARBAGE,
        VALID_WITH_SUFFIX,
        NOT_BEARER
    }

    static final List<String> JOB_FIELDS = List.of(
            "name",
            "image",
            "command",
            "env",
            "cpus",
            "memoryMb",
            "timeoutSeconds",
            "retries",
            "backoffSeconds",
            "count",
            "constraints",
            "network",
            "verification",
            "wasm_base64",
            "dataset",
            "input",
            "shards",
            "reduce",
            "entry",
            "deadlineSeconds",
            "fuel",
            "memoryPages",
            "pids",
            "user",
            "readOnlyRootfs",
            "privileged",
            "binds",
            "capAdd",
            "networkMode");

    private FuzzedRequests() {}

    static Arbitrary<Request> requests() {
        Arbitrary<Request> anything = Combinators.combine(methods(), paths(), bodies(), Arbitraries.of(Token.class))
                .as(Request::new);
        return Arbitraries.<Request>frequencyOf(Tuple.of(9, anything), Tuple.of(1, wellFormedSubmissions()));
    }

    /**
     * Submissions the node must accept (a valid job with a random name and command), so the check that
     * only 202-answered submissions are ordered has something to count.
     */
    static Arbitrary<Request> wellFormedSubmissions() {
        return Combinators.combine(
                        Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20),
                        Arbitraries.strings().alpha().ofMaxLength(20))
                .as((name, word) -> new Request(
                        "POST",
                        "/api/v1/jobs",
                        "{\"name\":" + quote("fuzz-" + name) + ",\"image\":\"bftswarm/busybox\",\"command\":[\"echo\","
                                + quote(word) + "],\"memoryMb\":16,\"timeoutSeconds\":30}",
                        Token.VALID));
    }

    static Arbitrary<String> methods() {
        return Arbitraries.<String>frequencyOf(
                Tuple.of(5, Arbitraries.of("POST")),
                Tuple.of(3, Arbitraries.of("GET", "DELETE")),
                Tuple.of(1, Arbitraries.of("PUT", "PATCH", "HEAD", "OPTIONS", "TRACE", "FOO")));
    }

    static Arbitrary<String> paths() {
        Arbitrary<String> segment = Arbitraries.oneOf(
                        Arbitraries.strings().ofMinLength(0).ofMaxLength(40),
                        Arbitraries.strings().all().ofMinLength(1).ofMaxLength(12),
                        Arbitraries.of(
                                "..", ".", "%", "%00", "n0-abc", "0", "-1", "99999999999999999999", "x".repeat(3000)))
                .map(FuzzedRequests::encode);
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "/api/v1/jobs",
                        "/api/v1/jobs?signed",
                        "/api/v1/operations",
                        "/api/v1/nodes",
                        "/api/v1/cluster",
                        "/api/v1/events",
                        "/healthz",
                        "/metrics",
                        "/",
                        "/api/v1/jobs/",
                        "//api//v1//jobs"),
                segment.map(s -> "/api/v1/jobs/" + s),
                segment.map(s -> "/api/v1/jobs/" + s + "?signed"),
                segment.map(s -> "/api/v1/tasks/" + s + "/logs"),
                segment.map(s -> "/api/v1/nodes/" + s + "/readmit"),
                Combinators.combine(segment, segment).as((a, b) -> "/" + a + "/" + b),
                segment.map(s -> "/api/v1/jobs?" + s + "=" + s));
    }

    /** Percent-encoded so any generated text is a legal path segment; the server decodes it back. */
    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static Arbitrary<String> bodies() {
        return Arbitraries.<String>frequencyOf(
                Tuple.of(1, Arbitraries.<String>just(null)),
                Tuple.of(6, jobObjects()),
                Tuple.of(2, json(4)),
                Tuple.of(1, deepNesting()),
                Tuple.of(1, broken()));
    }

    /** Objects with job field names (a few host-access ones too) bound to values of any JSON type. */
    static Arbitrary<String> jobObjects() {
        Arbitrary<String> entry = Combinators.combine(
                        Arbitraries.oneOf(
                                Arbitraries.of(JOB_FIELDS),
                                Arbitraries.strings().ofMaxLength(10)),
                        Arbitraries.oneOf(scalars(), json(2)))
                .as((k, v) -> quote(k) + ":" + v);
        return entry.list().ofMaxSize(8).map(es -> "{" + String.join(",", es) + "}");
    }

    static Arbitrary<String> json(int depth) {
        if (depth <= 0) {
            return scalars();
        }
        Arbitrary<String> inner = Arbitraries.lazy(() -> json(depth - 1));
        return Arbitraries.oneOf(
                scalars(),
                inner.list().ofMaxSize(4).map(l -> "[" + String.join(",", l) + "]"),
                Combinators.combine(Arbitraries.strings().ofMaxLength(8), inner)
                        .as((k, v) -> quote(k) + ":" + v)
                        .list()
                        .ofMaxSize(4)
                        .map(l -> "{" + String.join(",", l) + "}"));
    }

    static Arbitrary<String> scalars() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "null",
                        "true",
                        "false",
                        "0",
                        "-0",
                        "1e400",
                        "-1e400",
                        "1.5",
                        "99999999999999999999999999",
                        "-9223372036854775809",
                        "9223372036854775808",
                        "2147483648",
                        "1E-400",
                        "0.0000001",
                        "\"\"",
                        "\"bftswarm/busybox\"",
                        "\"host\"",
                        "\"\\u0000\"",
                        "\"\\ud800\"",
                        "[]",
                        "{}",
                        "\"" + "9".repeat(2000) + "\"",
                        "1" + "0".repeat(1200)),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.doubles().map(d -> Double.isFinite(d) ? String.valueOf(d) : "0"),
                Arbitraries.strings().all().ofMaxLength(30).map(FuzzedRequests::quote));
    }

    static Arbitrary<String> deepNesting() {
        return Combinators.combine(Arbitraries.integers().between(200, 20_000), Arbitraries.of("[", "{\"a\":"))
                .as((depth, open) -> {
                    String close = open.equals("[") ? "]" : "}";
                    return "{\"image\":" + open.repeat(depth) + "1" + close.repeat(depth) + "}";
                });
    }

    static Arbitrary<String> broken() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "{",
                        "}",
                        "{\"image\":",
                        "{\"image\":\"x\"",
                        "{\"image\":\"x\"}}",
                        "nul",
                        "[1,2",
                        "{'a':1}",
                        "{\"image\":\"x\",\"image\":\"y\"}",
                        "\u0000\u0001",
                        "{\"a\":1}garbage",
                        ""),
                Arbitraries.strings().all().ofMaxLength(100));
    }

    /** A JSON string literal of {@code s}, escaping what JSON requires (lone surrogates are left as they are). */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
