package org.bftswarm.node.config;

import java.util.List;
import java.util.Optional;

/**
 * The result of reading one configuration file: the resolved configuration when there was no
 * error, and every problem found (errors and warnings, in file order of discovery).
 */
public record ConfigReport(String source, Optional<ClusterConfig> config, List<ConfigProblem> problems) {

    public ConfigReport {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return config.isPresent();
    }

    public List<ConfigProblem> errors() {
        return problems.stream().filter(ConfigProblem::isError).toList();
    }

    public List<ConfigProblem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }
}
