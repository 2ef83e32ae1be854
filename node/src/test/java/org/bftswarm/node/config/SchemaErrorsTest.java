package org.bftswarm.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bftswarm.node.config.ConfigAssertions.errorAt;
import static org.bftswarm.node.config.ConfigAssertions.parse;

import org.junit.jupiter.api.Test;

/** Unknown keys, wrong types, coercion, nulls, duplicates and syntax errors name line and column. */
class SchemaErrorsTest {

    @Test
    void countManyIsRejectedAtItsLineAndColumn() {
        ConfigReport report = parse("swarm: demo", "nodes:", "  count: many");
        ConfigProblem problem = errorAt(report, "nodes.count", 3, 10);
        assertThat(problem.message()).contains("whole number").contains("\"many\"");
        assertThat(problem.format()).startsWith("test.yaml:3:10: error: nodes.count: ");
    }

    @Test
    void quotedNumberIsNotCoercedToAnInteger() {
        ConfigReport report = parse("swarm: demo", "nodes:", "  httpPort: \"8080\"");
        errorAt(report, "nodes.httpPort", 3, 13);
    }

    @Test
    void numberIsNotCoercedToBooleanOrString() {
        ConfigReport report = parse("swarm: 42", "cleanup: 1", "labels:", "  zone: 7");
        assertThat(errorAt(report, "swarm", 1, 8).message()).contains("quote it");
        assertThat(errorAt(report, "cleanup", 2, 10).message()).contains("true or false");
        errorAt(report, "labels.zone", 4, 9);
    }

    @Test
    void floatIsNotAcceptedForAnInteger() {
        ConfigReport report = parse("swarm: demo", "capacity:", "  cpus: 1.5");
        errorAt(report, "capacity.cpus", 3, 9);
    }

    @Test
    void unknownKeyIsReportedAtTheKeyWithASuggestion() {
        ConfigReport report = parse("swarm: demo", "nodes:", "  conut: 4");
        ConfigProblem problem = errorAt(report, "nodes.conut", 3, 3);
        assertThat(problem.message()).contains("unknown key `conut`").contains("did you mean `count`?");
    }

    @Test
    void unknownTopLevelKeyListsTheAllowedKeys() {
        ConfigReport report = parse("swarm: demo", "replicas: 4");
        assertThat(errorAt(report, "replicas", 2, 1).message()).contains("allowed here: swarm, nodes");
    }

    @Test
    void explicitNullIsRejected() {
        ConfigReport report = parse("swarm: demo", "cleanup:");
        assertThat(errorAt(report, "cleanup", 2, 9).message()).contains("remove the key");
    }

    @Test
    void sectionOfTheWrongShapeIsRejected() {
        ConfigReport report = parse("swarm: demo", "nodes: 5");
        assertThat(errorAt(report, "nodes", 2, 8).message()).contains("expected a mapping");
    }

    @Test
    void nodeListThatIsNotAListIsRejected() {
        ConfigReport report = parse("swarm: demo", "nodes:", "  list: 127.0.0.1");
        assertThat(errorAt(report, "nodes.list", 3, 9).message()).contains("expected a list");
    }

    @Test
    void badEntryInsideTheNodeListIsLocated() {
        ConfigReport report = parse(
                "swarm: demo",
                "nodes:",
                "  list:",
                "    - host: 127.0.0.1",
                "    - host: 127.0.0.2",
                "      httpPort: x");
        errorAt(report, "nodes.list[1].httpPort", 6, 17);
    }

    @Test
    void duplicateKeyIsASyntaxErrorAtTheSecondOccurrence() {
        ConfigReport report = parse("swarm: a", "swarm: b");
        assertThat(report.valid()).isFalse();
        ConfigProblem problem = report.errors().get(0);
        assertThat(problem.location().line()).isEqualTo(2);
        assertThat(problem.message()).containsIgnoringCase("duplicate");
    }

    @Test
    void malformedYamlIsReportedWithALocation() {
        ConfigReport report = parse("swarm: demo", "nodes:", "  count: [1, 2");
        assertThat(report.valid()).isFalse();
        assertThat(report.errors()).hasSize(1);
        assertThat(report.errors().get(0).message()).startsWith("not valid YAML");
        assertThat(report.errors().get(0).location().line()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void tabIndentationIsExplainedWithoutTheParsersSourceEcho() {
        ConfigReport report = parse("swarm: demo", "nodes:", "\tcount: 4");
        ConfigProblem problem = report.errors().get(0);
        assertThat(problem.location().line()).isEqualTo(3);
        assertThat(problem.message())
                .contains("Do not use \\t(TAB) for indentation")
                .doesNotContain("in 'reader'")
                .doesNotContain("\n");
    }

    @Test
    void yamlAliasesAreRejectedRatherThanReadAsStrings() {
        ConfigReport report = parse("base: &b {count: 2}", "swarm: demo", "nodes: *b");
        assertThat(report.errors()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("aliases");
            assertThat(p.location().line()).isEqualTo(3);
        });
    }

    @Test
    void secondYamlDocumentIsRejected() {
        ConfigReport report = parse("swarm: demo", "---", "swarm: other");
        assertThat(report.errors())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("only one YAML document"));
    }

    @Test
    void emptyFileAndNonMappingRootAreRejected() {
        assertThat(parse("# only a comment").errors())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("empty"));
        assertThat(parse("- a", "- b").errors())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("expected a mapping"));
    }

    @Test
    void everySchemaErrorIsCollectedNotJustTheFirst() {
        ConfigReport report = parse(
                "swarm: demo",
                "nodes:",
                "  count: many",
                "  wsPort: \"8585\"",
                "clenup: true",
                "heartbeat:",
                "  periodMs: fast");
        assertThat(report.errors())
                .extracting(ConfigProblem::path)
                .containsExactly("nodes.count", "nodes.wsPort", "clenup", "heartbeat.periodMs");
    }

    @Test
    void schemaAndSemanticErrorsAreReportedTogether() {
        ConfigReport report =
                parse("swarm: demo", "nodes:", "  count: many", "  randomPortRange: {min: 30000, max: 20000}");
        errorAt(report, "nodes.count", 3, 10);
        errorAt(report, "nodes.randomPortRange", 4, 20);
    }
}
