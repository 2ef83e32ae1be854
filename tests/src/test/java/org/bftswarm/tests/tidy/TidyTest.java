package org.bftswarm.tests.tidy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bftswarm.tests.support.ClusterTestSupport;
import org.junit.jupiter.api.Test;

/**
 * The code style the formatter cannot enforce, checked over every Java source of the repository (in the
 * spirit of TigerBeetle's {@code tidy.zig}): a column limit, no fully qualified class names inline, comments
 * that state rules rather than cite tracker items, and {@code Invariants.check} instead of Java
 * {@code assert} (which is off unless the JVM is started with {@code -ea}). Each failure lists
 * {@code file:line} and the offending text.
 *
 * <p>String and character literals and the contents of text blocks are data, not code: a class name spelled
 * in one is not an inline qualified name, and a line holding a string literal in code may pass the column
 * limit because the formatter cannot split the literal. The few findings kept on purpose are listed in
 * {@link #EXEMPTIONS}, each with its reason; an exemption that no longer matches any line fails the build, so
 * the list shrinks as they are fixed.
 */
class TidyTest {
    static final int COLUMN_LIMIT = 120;

    private static final Pattern INLINE_QUALIFIED_NAME =
            Pattern.compile("(?<![\\w.\"/])(java|javax|org|com|io|net)\\.[a-z]\\w*(\\.[a-z]\\w*)*\\.[A-Z]\\w*");
    private static final Pattern LITERAL =
            Pattern.compile("\"(\\\\.|[^\"\\\\])*\"|'(\\\\u[0-9a-fA-F]{4}|\\\\.|[^'\\\\])'");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"(\\\\.|[^\"\\\\])*\"");
    private static final Pattern COMMENT_LINE = Pattern.compile("^\\s*(//|/\\*|\\*)");
    private static final Pattern URL_ONLY =
            Pattern.compile("^\\s*(//+|/\\*+|\\*)?\\s*(@see\\s+)?<?https?://\\S+\\s*(\\*/)?$");
    private static final Pattern TRACKER_REFERENCE =
            Pattern.compile("\\b[Ii]ssues? #?\\d+|\\b[Ii]tem \\d+ of\\b|\\bDESIGN\\b|\\b[Dd]esign (step|doc|section)");
    private static final Pattern ASSERT_STATEMENT = Pattern.compile("^\\s*assert[\\s(]");

    /** The checks, each with the sentence a failure starts with. */
    enum Rule {
        LONG_LINE("lines over " + COLUMN_LIMIT + " columns that hold no string literal"),
        INLINE_QUALIFIED_NAME("classes named inline with their package instead of imported"),
        TRACKER_REFERENCE("main sources citing tracker items or a design document instead of stating the rule"),
        JAVA_ASSERT("Java assert statements instead of Invariants.check");

        final String description;

        Rule(String description) {
            this.description = description;
        }
    }

    /** A finding kept on purpose: the line of {@code file} (relative to the repository) holding {@code fragment}. */
    record Exemption(Rule rule, String file, String fragment) {
        boolean covers(Rule r, Line line) {
            return rule == r && line.path().equals(file) && line.text().contains(fragment);
        }
    }

    private static final List<Exemption> EXEMPTIONS = List.of(
            // The platform OperatingSystemMXBean (java.lang.management) is imported; its com.sun.management
            // extension has the same simple name, so one of the two must stay qualified.
            new Exemption(
                    Rule.INLINE_QUALIFIED_NAME,
                    "consensus/src/main/java/org/bftswarm/consensus/runtime/ConsensusBench.java",
                    "com.sun.management.OperatingSystemMXBean"));

    /** One source line, for reporting; {@code inTextBlock} when it lies inside a text block (or closes one). */
    record Line(String path, int number, String text, boolean inTextBlock) {
        @Override
        public String toString() {
            return path + ":" + number + ": " + text.strip();
        }
    }

    @Test
    void noLineIsLongerThanTheColumnLimitExceptOneHoldingAStringLiteral() {
        // The formatter cannot split a string literal; every other line it keeps within the limit.
        assertNone(Rule.LONG_LINE, lines(false), TidyTest::isTooLong);
    }

    @Test
    void classesAreImportedNotNamedInlineWithTheirPackage() {
        assertNone(Rule.INLINE_QUALIFIED_NAME, lines(false), TidyTest::namesAClassInline);
    }

    @Test
    void mainSourcesStateRulesInsteadOfCitingTrackerItemsOrAnAbsentDesignDocument() {
        assertNone(Rule.TRACKER_REFERENCE, lines(true), TidyTest::citesATracker);
    }

    @Test
    void invariantsAreCheckedWithInvariantsCheckNotJavaAssert() {
        assertNone(Rule.JAVA_ASSERT, lines(false), TidyTest::isJavaAssert);
    }

    @Test
    void everyExemptionStillMatchesALine() {
        List<Line> all = lines(false);
        assertThat(EXEMPTIONS.stream()
                        .filter(e -> all.stream().noneMatch(l -> e.covers(e.rule(), l)))
                        .toList())
                .as("exemptions whose finding is gone; remove them")
                .isEmpty();
    }

    @Test
    void theCheckerFindsWhatItLooksFor() {
        // The predicates above must bite, and spare what they should, or the tests that use them prove nothing.
        assertThat(namesAClassInline(code("var x = new java.util.ArrayList<>();")))
                .isTrue();
        assertThat(namesAClassInline(code("org.bftswarm.orchestrator.view.JobView v;")))
                .isTrue();
        assertThat(namesAClassInline(code("    @org.junit.jupiter.api.Test"))).isTrue();
        assertThat(namesAClassInline(code(" * to a {@link java.io.PrintStream}: bytes")))
                .isTrue();
        assertThat(namesAClassInline(code("char q = '\"'; var m = java.util.Map.of();")))
                .isTrue();
        assertThat(namesAClassInline(code("list.stream().map(Foo::bar)"))).isFalse();
        assertThat(namesAClassInline(code(" * as {@link #method} does, see {@link Foo#bar}")))
                .isFalse();
        assertThat(namesAClassInline(code("Class.forName(\"java.lang.String\");")))
                .isFalse();
        assertThat(namesAClassInline(code("import java.util.List;"))).isFalse();
        assertThat(namesAClassInline(new Line("X.java", 1, "    java.util.List in a text block", true)))
                .isFalse();

        String tail = "x".repeat(COLUMN_LIMIT);
        assertThat(isTooLong(code("        int " + tail + " = 0;"))).isTrue();
        assertThat(isTooLong(code("     * the \"quoted\" prose of a javadoc line " + tail)))
                .isTrue();
        assertThat(isTooLong(code("     // see https://example.org/a and then " + tail)))
                .isTrue();
        assertThat(isTooLong(code("        String s = \"" + tail + "\";"))).isFalse();
        assertThat(isTooLong(code("     * https://example.org/" + tail))).isFalse();
        assertThat(isTooLong(code("    // https://example.org/" + tail))).isFalse();
        assertThat(isTooLong(new Line("X.java", 1, "    " + tail, true))).isFalse();

        assertThat(citesATracker(code(" * the spec of issue 4, item 1"))).isTrue();
        assertThat(citesATracker(code("(DESIGN data flow step 2)"))).isTrue();
        assertThat(citesATracker(code(" * see item 2 of the plan"))).isTrue();
        assertThat(citesATracker(code(" * the design doc says"))).isTrue();
        assertThat(citesATracker(code(" * a design that tolerates f faults"))).isFalse();

        assertThat(isJavaAssert(code("        assert n > 0 : \"n\";"))).isTrue();
        assertThat(isJavaAssert(code("        assert(n > 0);"))).isTrue();
        assertThat(isJavaAssert(code("        assertThat(n).isPositive();"))).isFalse();

        assertThat(lines(true).size()).isGreaterThan(10_000);
        assertThat(lines(false).stream().anyMatch(l -> l.path().endsWith("tidy/TidyTest.java")))
                .isTrue();
    }

    private static Line code(String text) {
        return new Line("X.java", 1, text, false);
    }

    static boolean isTooLong(Line l) {
        return l.text().length() > COLUMN_LIMIT
                && !l.inTextBlock()
                && !holdsStringLiteralInCode(l.text())
                && !URL_ONLY.matcher(l.text()).matches();
    }

    static boolean namesAClassInline(Line l) {
        return !l.inTextBlock()
                && !isImportOrPackage(l.text())
                && INLINE_QUALIFIED_NAME
                        .matcher(LITERAL.matcher(l.text()).replaceAll("\"\""))
                        .find();
    }

    static boolean citesATracker(Line l) {
        return TRACKER_REFERENCE.matcher(l.text()).find();
    }

    static boolean isJavaAssert(Line l) {
        return !l.inTextBlock() && ASSERT_STATEMENT.matcher(l.text()).find();
    }

    /** A string literal on a comment line is prose the author can rewrap, so only code lines are spared. */
    private static boolean holdsStringLiteralInCode(String text) {
        return !COMMENT_LINE.matcher(text).find()
                && STRING_LITERAL.matcher(text).find();
    }

    private static boolean isImportOrPackage(String text) {
        return text.startsWith("import ") || text.startsWith("package ");
    }

    private static void assertNone(Rule rule, List<Line> lines, Predicate<Line> offends) {
        List<Line> offenders = lines.stream()
                .filter(offends)
                .filter(l -> EXEMPTIONS.stream().noneMatch(e -> e.covers(rule, l)))
                .toList();
        assertThat(offenders)
                .withFailMessage(() -> offenders.size() + " " + rule.description + ":\n"
                        + offenders.stream().map(Line::toString).collect(Collectors.joining("\n")))
                .isEmpty();
    }

    /** Every line of every Java file under a module's src/main (and src/test unless {@code mainOnly}). */
    private static List<Line> lines(boolean mainOnly) {
        Path root = ClusterTestSupport.repoRoot();
        List<Line> out = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(p -> Files.isDirectory(p.resolve("src")))
                    .sorted()
                    .toList()) {
                for (String part : mainOnly ? List.of("main") : List.of("main", "test")) {
                    Path dir = module.resolve("src").resolve(part);
                    if (Files.isDirectory(dir)) {
                        collect(root, dir, out);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static void collect(Path root, Path dir, List<Line> out) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file :
                    files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String path = root.relativize(file).toString().replace('\\', '/');
                List<String> text = Files.readAllLines(file);
                boolean inTextBlock = false;
                for (int i = 0; i < text.size(); i++) {
                    String line = text.get(i);
                    boolean delimits = textBlockDelimiters(line) % 2 == 1;
                    // The opening line is code; the contents and the closing line are the block's.
                    out.add(new Line(path, i + 1, line, inTextBlock));
                    if (delimits) {
                        inTextBlock = !inTextBlock;
                    }
                }
            }
        }
    }

    private static int textBlockDelimiters(String line) {
        if (COMMENT_LINE.matcher(line).find()) {
            return 0;
        }
        int count = 0;
        for (int at = line.indexOf("\"\"\""); at >= 0; at = line.indexOf("\"\"\"", at + 3)) {
            count++;
        }
        return count;
    }
}
