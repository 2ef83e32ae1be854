package org.bftswarm.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bftswarm.node.config.ConfigAssertions.errorAt;
import static org.bftswarm.node.config.ConfigAssertions.parse;
import static org.bftswarm.node.config.ConfigAssertions.valid;

import java.util.List;
import org.bftswarm.crypto.SigningKey;
import org.junit.jupiter.api.Test;

/** The {@code clients:} section: named Ed25519 identities with roles, strictly checked, kept by {@code config show}. */
class ClientsSectionTest {
    static final String ALICE = key(1);
    static final String BOB = key(2);
    /** The encoded identity point (y = 1): on the curve but of small order, so never admissible. */
    static final String SMALL_ORDER = "01" + "00".repeat(31);

    static String key(int seed) {
        byte[] bytes = new byte[SigningKey.SEED_LENGTH];
        bytes[0] = (byte) seed;
        return SigningKey.fromSeed(bytes).verifyingKey().hex();
    }

    @Test
    void withoutTheSectionThereAreNoClients() {
        assertThat(valid("swarm: demo").clients()).isEmpty();
    }

    @Test
    void clientsAreResolvedInConfigurationOrder() {
        ClusterConfig c = valid(
                "swarm: demo",
                "clients:",
                "  - {name: zed, publicKey: " + ALICE + ", role: reader}",
                "  - name: alice",
                "    publicKey: " + BOB,
                "    role: admin");
        assertThat(c.clients())
                .containsExactly(
                        new ClientEntry("zed", ALICE, ClientEntry.READER),
                        new ClientEntry("alice", BOB, ClientEntry.ADMIN));
        assertThat(c.clients().get(0).publicKey().hex()).isEqualTo(ALICE);
    }

    @Test
    void anUpperCaseKeyIsStoredInLowerCase() {
        ClusterConfig c =
                valid("swarm: demo", "clients:", "  - {name: a, publicKey: " + ALICE.toUpperCase() + ", role: admin}");
        assertThat(c.clients().get(0).publicKeyHex()).isEqualTo(ALICE);
    }

    @Test
    void aQuotedKeyIsAccepted() {
        ClusterConfig c = valid("swarm: demo", "clients:", "  - {name: a, publicKey: \"" + ALICE + "\", role: admin}");
        assertThat(c.clients().get(0).publicKeyHex()).isEqualTo(ALICE);
    }

    @Test
    void anUnknownRoleIsRejectedAtItsLineAndColumnNamingTheChoices() {
        ConfigReport report = parse(
                "swarm: demo",
                "clients:",
                "  - {name: alice, publicKey: " + ALICE + ", role: admin}",
                "  - name: bob",
                "    publicKey: " + BOB,
                "    role: owner");
        assertThat(errorAt(report, "clients[1].role", 6, 11).message())
                .contains("admin, submitter, reader")
                .contains("owner");
    }

    @Test
    void aMissingRoleIsRejected() {
        ConfigReport report = parse("swarm: demo", "clients:", "  - {name: alice, publicKey: " + ALICE + "}");
        assertThat(errorAt(report, "clients[0].role", 3, 5).message()).contains("missing");
    }

    @Test
    void aBadNameIsRejected() {
        ConfigReport report =
                parse("swarm: demo", "clients:", "  - {name: Alice, publicKey: " + ALICE + ", role: admin}");
        assertThat(errorAt(report, "clients[0].name", 3, 12).message()).contains("lower-case");
    }

    @Test
    void aNameLongerThanThirtyTwoCharactersIsRejected() {
        String name = "a".repeat(33);
        ConfigReport report =
                parse("swarm: demo", "clients:", "  - {name: " + name + ", publicKey: " + ALICE + ", role: admin}");
        assertThat(errorAt(report, "clients[0].name", 3, 12).message()).contains("1-32");
    }

    @Test
    void aDuplicateNameIsRejectedAtTheSecondEntryNamingTheFirst() {
        ConfigReport report = parse(
                "swarm: demo",
                "clients:",
                "  - {name: alice, publicKey: " + ALICE + ", role: admin}",
                "  - {name: alice, publicKey: " + BOB + ", role: reader}");
        assertThat(errorAt(report, "clients[1].name", 4, 12).message()).contains("already defined at clients[0]");
    }

    @Test
    void twoClientsWithOneKeyAreRejected() {
        ConfigReport report = parse(
                "swarm: demo",
                "clients:",
                "  - {name: alice, publicKey: " + ALICE + ", role: admin}",
                "  - {name: bob, publicKey: " + ALICE + ", role: reader}");
        assertThat(errorAt(report, "clients[1].publicKey", 4, 28).message())
                .contains("same public key as clients[0]")
                .contains("alice");
    }

    @Test
    void aKeyOfTheWrongLengthIsRejected() {
        ConfigReport report = parse("swarm: demo", "clients:", "  - {name: alice, publicKey: abcd, role: admin}");
        assertThat(errorAt(report, "clients[0].publicKey", 3, 30).message()).contains("64 hex characters");
    }

    @Test
    void aKeyThatIsNotHexIsRejected() {
        ConfigReport report =
                parse("swarm: demo", "clients:", "  - {name: alice, publicKey: " + "zz".repeat(32) + ", role: admin}");
        assertThat(errorAt(report, "clients[0].publicKey", 3, 30).message()).contains("not all hex");
    }

    @Test
    void aKeyThatIsNotAnAdmissiblePointIsRejectedNamingTheClient() {
        ConfigReport report =
                parse("swarm: demo", "clients:", "  - {name: alice, publicKey: '" + SMALL_ORDER + "', role: admin}");
        assertThat(errorAt(report, "clients[0].publicKey", 3, 30).message())
                .contains("client \"alice\"")
                .contains("not a valid Ed25519 public key");
    }

    @Test
    void aMisspeltKeyIsRejectedWithASuggestion() {
        ConfigReport report =
                parse("swarm: demo", "clients:", "  - {name: alice, publickey: " + ALICE + ", role: admin}");
        assertThat(errorAt(report, "clients[0].publickey", 3, 19).message()).contains("did you mean `publicKey`?");
    }

    @Test
    void clientsThatAreNotAListAreRejected() {
        ConfigReport report = parse("swarm: demo", "clients: alice");
        assertThat(errorAt(report, "clients", 1 + 1, 10).message()).contains("expected a list");
    }

    @Test
    void configShowWritesTheClientsAndTheySurviveTheRoundTrip() {
        ConfigWriter writer = new ConfigWriter();
        ClusterConfig none = valid("swarm: demo");
        ClusterConfig two = valid(
                "swarm: demo",
                "clients:",
                "  - {name: zed, publicKey: " + ALICE + ", role: reader}",
                "  - {name: alice, publicKey: " + BOB + ", role: submitter}");
        assertThat(writer.toYaml(two))
                .contains("clients:")
                .contains("name: zed")
                .contains(ALICE);
        for (ClusterConfig c : List.of(none, two)) {
            assertThat(new ConfigParser().parse("shown.yaml", writer.toYaml(c)).config())
                    .contains(c);
            assertThat(new ConfigParser().parse("shown.json", writer.toJson(c)).config())
                    .contains(c);
        }
    }
}
