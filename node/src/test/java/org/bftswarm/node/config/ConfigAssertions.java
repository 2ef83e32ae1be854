package org.bftswarm.node.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Shared helpers: parse a YAML text and find the problem reported at a field path. */
final class ConfigAssertions {
    static final String SOURCE = "test.yaml";

    private ConfigAssertions() {}

    static ConfigReport parse(String... lines) {
        return new ConfigParser().parse(SOURCE, String.join("\n", lines) + "\n");
    }

    static ClusterConfig valid(String... lines) {
        ConfigReport report = parse(lines);
        assertThat(report.errors()).as("errors").isEmpty();
        return report.config().orElseThrow();
    }

    /** The single error at {@code path}, asserted to be at {@code line}:{@code column}. */
    static ConfigProblem errorAt(ConfigReport report, String path, int line, int column) {
        assertThat(report.valid()).as("valid").isFalse();
        List<ConfigProblem> atPath =
                report.errors().stream().filter(p -> p.path().equals(path)).toList();
        assertThat(atPath).as("errors at %s among %s", path, report.errors()).hasSize(1);
        ConfigProblem problem = atPath.get(0);
        assertThat(problem.location())
                .as("location of %s", problem.format())
                .isEqualTo(new SourceLocation(line, column));
        assertThat(problem.source()).isEqualTo(SOURCE);
        return problem;
    }
}
