package org.bftswarm.node.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Text of {@code cluster-config.yaml} in, {@link ConfigReport} out, in three stages: YAML syntax
 * with token locations ({@link LocatedYamlReader}), schema ({@link SchemaChecker}: unknown keys,
 * types, nulls), semantics and defaults ({@link ConfigResolver}). Pure: the caller reads the file.
 */
public final class ConfigParser {
    private final YAMLMapper mapper = ConfigMappers.yaml();
    private final LocatedYamlReader reader = new LocatedYamlReader(mapper);

    /** Parses {@code text}; {@code source} is the file name used in every problem. */
    public ConfigReport parse(String source, String text) {
        LocatedYamlReader.Result read = reader.read(source, text);
        if (read instanceof LocatedYamlReader.SyntaxError syntax) {
            return new ConfigReport(source, Optional.empty(), List.of(syntax.problem()));
        }
        LocatedTree tree = ((LocatedYamlReader.Parsed) read).tree();
        if (tree.root().isNull()) {
            return new ConfigReport(
                    source,
                    Optional.empty(),
                    List.of(ConfigProblem.error(
                            source, SourceLocation.START, "", "the file is empty; it needs at least `swarm: <name>`")));
        }
        SchemaChecker.Outcome schema = SchemaChecker.check(mapper, source, tree, ConfigDocument.class);
        List<ConfigProblem> problems = new ArrayList<>(schema.problems());
        if (schema.badPaths().contains("")) {
            return new ConfigReport(source, Optional.empty(), problems);
        }
        ConfigDocument document;
        try {
            document = mapper.treeToValue(schema.prunedRoot(), ConfigDocument.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // The schema check accepts only what binds; reaching this is a bug, still reported as a problem.
            problems.add(ConfigProblem.error(source, SourceLocation.START, "", "cannot bind: " + e.getMessage()));
            return new ConfigReport(source, Optional.empty(), problems);
        }
        ConfigResolver.Outcome resolved = ConfigResolver.resolve(source, tree, schema.badPaths(), document);
        problems.addAll(resolved.problems());
        boolean valid = problems.stream().noneMatch(ConfigProblem::isError);
        return new ConfigReport(source, valid ? Optional.ofNullable(resolved.config()) : Optional.empty(), problems);
    }
}
