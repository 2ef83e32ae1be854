package org.bftswarm.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bftswarm.node.config.ConfigAssertions.errorAt;
import static org.bftswarm.node.config.ConfigAssertions.parse;
import static org.bftswarm.node.config.ConfigAssertions.valid;

import java.util.ArrayList;
import java.util.List;
import org.bftswarm.crypto.VerifyingKey;
import org.junit.jupiter.api.Test;

/** {@code nodes.list[].publicKey}: every node's public key in the configuration, all or none, strictly checked. */
class NodeKeysSectionTest {
    static final List<String> KEYS =
            List.of(ClientsSectionTest.key(11), ClientsSectionTest.key(12), ClientsSectionTest.key(13));

    private static String[] listed(String... publicKeyLines) {
        List<String> lines = new ArrayList<>(List.of("swarm: demo", "nodes:", "  list:"));
        for (String key : publicKeyLines) {
            lines.add("    - host: 127.0.0.1");
            if (key != null) {
                lines.add("      publicKey: " + key);
            }
        }
        return lines.toArray(String[]::new);
    }

    @Test
    void everyNodesKeyIsResolvedInNodeOrder() {
        ClusterConfig c =
                valid(listed("\"" + KEYS.get(0) + "\"", KEYS.get(1), KEYS.get(2).toUpperCase()));
        assertThat(c.configuredNodeKeys())
                .contains(KEYS.stream().map(VerifyingKey::fromHex).toList());
        assertThat(c.node(1).publicKey().hex()).isEqualTo(KEYS.get(1));
    }

    @Test
    void withoutKeysTheNodesReadThemFromTheKeyDirectory() {
        assertThat(valid(listed(null, null)).configuredNodeKeys()).isEmpty();
        assertThat(valid("swarm: demo", "nodes: {count: 4}").configuredNodeKeys())
                .isEmpty();
    }

    @Test
    void aKeyThatIsNotHexIsRejectedAtItsLineAndColumn() {
        ConfigReport report = parse(listed(KEYS.get(0), "\"" + "zz".repeat(32) + "\"", KEYS.get(2)));
        assertThat(errorAt(report, "nodes.list[1].publicKey", 7, 18).message())
                .contains("64 hex characters")
                .contains("keygen --node");
    }

    @Test
    void aPointThatIsNoAdmissibleKeyIsRejected() {
        ConfigReport report = parse(listed(KEYS.get(0), "\"" + ClientsSectionTest.SMALL_ORDER + "\"", KEYS.get(2)));
        assertThat(errorAt(report, "nodes.list[1].publicKey", 7, 18).message()).contains("Ed25519");
    }

    @Test
    void aNodeWithoutAKeyAmongNodesWithKeysIsRejectedNamingIt() {
        ConfigReport report = parse(listed(KEYS.get(0), null, KEYS.get(2)));
        assertThat(errorAt(report, "nodes.list[1]", 6, 7).message())
                .contains("node 1 has no `publicKey`")
                .contains("./bftswarm keygen --node 1");
    }

    @Test
    void twoNodesWithOneKeyAreRejected() {
        ConfigReport report = parse(listed(KEYS.get(0), KEYS.get(1), KEYS.get(0)));
        assertThat(errorAt(report, "nodes.list[2].publicKey", 9, 18).message()).contains("same public key as node 0");
    }

    @Test
    void showKeepsTheKeys() {
        ClusterConfig c = valid(listed(KEYS.get(0), KEYS.get(1), KEYS.get(2)));
        ConfigDocument doc = ConfigWriter.toDocument(c);
        assertThat(doc.nodes().list())
                .extracting(ConfigDocument.NodeEntry::publicKey)
                .containsExactlyElementsOf(KEYS);
    }
}
