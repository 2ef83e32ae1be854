package org.bftswarm.deploy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bftswarm.node.config.ConfigParser;
import org.junit.jupiter.api.Test;

/** {@link ConfigTextEdit} and {@link ConfigKey}: one line changes, comments and layout stay. */
class ConfigTextEditTest {
    private static final String TEXT = String.join(
            "\n",
            "# top comment",
            "swarm: demo                  # cluster name",
            "",
            "nodes:",
            "  count: 4                   # n = 3f+1",
            "  # list:",
            "  httpPort: 8080             # node i on 8080+i",
            "",
            "labels: {}                   # placement labels",
            "",
            "consensus:",
            "  batchMaxSize: 64",
            "");

    private static String set(String text, String key, String value) {
        return ConfigTextEdit.set(text, ConfigKey.parse(key), value);
    }

    @Test
    void replacingAValueChangesOnlyItsLineAndKeepsTheCommentInItsColumn() {
        String edited = set(TEXT, "nodes.count", "7");
        assertThat(edited)
                .isEqualTo(TEXT.replace("  count: 4                   # n", "  count: 7                   # n"));
    }

    @Test
    void aLongerValuePushesTheCommentButKeepsIt() {
        String edited = set(TEXT, "swarm", "a-very-long-cluster-name-indeed");
        assertThat(edited).contains("swarm: a-very-long-cluster-name-indeed  # cluster name\n");
        assertThat(edited.lines().count()).isEqualTo(TEXT.lines().count());
    }

    @Test
    void aMissingKeyIsAddedAtTheEndOfItsSection() {
        String edited = set(TEXT, "consensus.requestTimeoutMs", "3000");
        assertThat(edited).endsWith("consensus:\n  batchMaxSize: 64\n  requestTimeoutMs: 3000\n");
        assertThat(set(TEXT, "nodes.wsPort", "9000"))
                .contains("  httpPort: 8080             # node i on 8080+i\n  wsPort: 9000\n\nlabels");
    }

    @Test
    void aMissingSectionIsAddedAtTheEndOfTheFile() {
        assertThat(set(TEXT, "heartbeat.periodMs", "250"))
                .endsWith("  batchMaxSize: 64\nheartbeat:\n  periodMs: 250\n");
    }

    @Test
    void anEmptyFlowMapBecomesABlockAndAFlowMapIsRewrittenWithTheEntry() {
        String edited = set(TEXT, "labels.zone", "lab");
        assertThat(edited).contains("labels:                      # placement labels\n  zone: lab\n");
        String again = set(edited, "labels.zone", "edge");
        assertThat(again).contains("  zone: edge\n");
        assertThat(set("swarm: x\nlabels: {zone: a, disk: ssd}  # l\n", "labels.zone", "b"))
                .isEqualTo("swarm: x\nlabels: {zone: b, disk: ssd}  # l\n");
        assertThat(set(
                        "swarm: x\nnodes:\n  randomPortRange: {min: 20000, max: 20999}\n",
                        "nodes.randomPortRange.min",
                        "30000"))
                .isEqualTo("swarm: x\nnodes:\n  randomPortRange: {min: 30000, max: 20999}\n");
        for (String text : new String[] {edited, again}) {
            assertThat(new ConfigParser().parse("t.yaml", text).valid()).isTrue();
        }
    }

    @Test
    void textThatYamlWouldReadAsANumberOrSwitchIsQuotedForTextKeys() {
        assertThat(set(TEXT, "swarm", "true")).contains("swarm: \"true\"");
        assertThat(set(TEXT, "labels.rack", "12")).contains("  rack: \"12\"");
        assertThat(set(TEXT, "labels.note", "a: b # c")).contains("  note: \"a: b # c\"");
        assertThat(set(TEXT, "nodes.count", "7")).contains("count: 7 ");
    }

    @Test
    void unknownKeysSectionsAndListsAreRefusedNamingTheKey() {
        assertThatThrownBy(() -> ConfigKey.parse("consensus.batchSize"))
                .hasMessageContaining("unknown key consensus.batchSize")
                .hasMessageContaining("batchMaxSize");
        assertThatThrownBy(() -> ConfigKey.parse("nope")).hasMessageContaining("unknown key nope");
        assertThatThrownBy(() -> ConfigKey.parse("swarm.x")).hasMessageContaining("holds a single value");
        assertThatThrownBy(() -> ConfigKey.parse("consensus"))
                .hasMessageContaining("is a section")
                .hasMessageContaining("consensus.batchMaxSize");
        assertThatThrownBy(() -> ConfigKey.parse("clients")).hasMessageContaining("is a list");
        assertThat(ConfigKey.parse("verification.default").kind()).isEqualTo(ConfigKey.Kind.TEXT);
        assertThat(ConfigKey.parse("api.allowToken").kind()).isEqualTo(ConfigKey.Kind.SWITCH);
        assertThat(ConfigKey.parse("nodes.randomPortRange.min").kind()).isEqualTo(ConfigKey.Kind.NUMBER);
    }

    @Test
    void theShippedTemplateIsAValidCommentedConfiguration() {
        String template = ConfigFiles.template();
        assertThat(new ConfigParser().parse("template", template).valid()).isTrue();
        assertThat(template.lines().filter(l -> l.contains("#")).count()).isGreaterThan(20);
    }
}
