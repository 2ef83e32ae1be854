package org.bftswarm.tests.byzantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.bftswarm.api.JobJson;
import org.bftswarm.api.JobSubmission;
import org.bftswarm.crypto.KeyFiles;
import org.bftswarm.crypto.SigningKey;
import org.bftswarm.deploy.cli.CliRun;
import org.bftswarm.deploy.launcher.ApiClient;
import org.bftswarm.deploy.launcher.ApiException;
import org.bftswarm.tests.support.RealCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Byzantine entry node against clients that sign their operations and check what they read, in a
 * real 4-node cluster: node 1's API alters submissions and lies on reads, then drops submissions. A
 * signed submission through it runs exactly as signed (a token submission through it is altered, and
 * says so: {@code token@1}); a read through it shows the answer f+1 nodes signed and names node 1;
 * reading node 1 alone shows its lie; a dropped signed submission completes through another node;
 * and roles hold: a reader cannot submit, a submitter cannot cancel another's job, an admin can.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("docker")
class ClientTrustTest {
    static final String IMAGE = "bftswarm/busybox";

    ByzantineCluster cluster;
    Path keys;

    @BeforeAll
    void create(@TempDir Path dir) throws Exception {
        keys = Files.createDirectories(dir.resolve("client-keys"));
        SecureRandom random = new SecureRandom();
        List<String> clients = new ArrayList<>(List.of("clients:"));
        for (String[] c : new String[][] {{"alice", "submitter"}, {"bob", "submitter"}, {"rita", "reader"}}) {
            SigningKey key = SigningKey.generate(random);
            KeyFiles.writePrivate(keys.resolve(c[0] + ".key"), key);
            clients.add("  - {name: " + c[0] + ", publicKey: \""
                    + key.verifyingKey().hex() + "\", role: " + c[1] + "}");
        }
        cluster = new ByzantineCluster(dir, new RealCluster.PortBases(18700, 19700, 27000), clients);
        upWith("1:alter-submissions,1:lie-on-reads");
    }

    @AfterAll
    void down() {
        if (cluster != null) {
            cluster.cli("down");
        }
    }

    private void upWith(String byzantine) {
        cluster.restartWith(byzantine);
    }

    private static String jobIdOf(CliRun submit) {
        return submit.out()
                .lines()
                .filter(l -> l.startsWith("submitted "))
                .map(l -> l.substring("submitted ".length()).strip())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no job id in: " + submit.all()));
    }

    private JobJson verifiedJob(String jobId) throws Exception {
        CliRun job = cluster.cli("job", jobId, "--json");
        assertThat(job.exitCode()).as(job.all()).isZero();
        return ApiClient.mapper().readValue(job.out(), JobJson.class);
    }

    @Test
    @Order(1)
    @Timeout(300)
    void aSignedSubmissionThroughTheAlteringNodeRunsExactlyAsSigned() throws Exception {
        CliRun submit = cluster.cli("submit", "--via", "1", "--image", IMAGE, "--wait", "--", "echo", "exactly-signed");
        assertThat(submit.exitCode()).as(submit.all()).isZero();
        JobJson job = verifiedJob(jobIdOf(submit));
        assertThat(job.tasks().get(0).output()).isEqualTo("exactly-signed\n");
        assertThat(job.submittedBy()).isEqualTo("client:admin");
    }

    @Test
    @Order(2)
    @Timeout(300)
    void aTokenSubmissionThroughTheAlteringNodeIsAlteredAndMarkedAsTheTokenOfThatNode() throws Exception {
        ApiClient viaOne = cluster.api().prefer(1);
        String id = viaOne.submit(new JobSubmission(
                null,
                IMAGE,
                List.of("echo", "my own command"),
                null,
                null,
                null,
                60,
                null,
                null,
                null,
                null,
                null,
                null));
        CliRun wait = cluster.cli("job", id, "--json");
        assertThat(wait.exitCode()).as(wait.all()).isZero();
        JobJson job = verifiedJob(id);
        for (int i = 0; i < 60 && !job.status().name().equals("COMPLETE"); i++) {
            Thread.sleep(500);
            job = verifiedJob(id);
        }
        assertThat(job.submittedBy()).isEqualTo("token@1");
        assertThat(job.tasks().get(0).output())
                .as("what a token trusts: the entry node")
                .contains("altered");
    }

    @Test
    @Order(3)
    @Timeout(300)
    void aReadThroughTheLyingNodeShowsTheTrueResultAndNamesItWhileTrustingItShowsTheLie() throws Exception {
        CliRun submit = cluster.cli("submit", "--via", "2", "--image", IMAGE, "--wait", "--", "echo", "truth");
        String id = jobIdOf(submit);
        CliRun checked = cluster.cli("job", id, "--via", "1");
        assertThat(checked.exitCode()).as(checked.all()).isZero();
        assertThat(checked.out()).contains("| truth").doesNotContain("trust me");
        assertThat(checked.err()).contains("node 1 disagreed");
        CliRun trusting = cluster.cli("job", id, "--trust-node", "1");
        assertThat(trusting.out()).contains("all good, trust me");
        CliRun logs = cluster.cli("logs", id + ".0", "--via", "1");
        assertThat(logs.exitCode()).as(logs.all()).isZero();
        assertThat(logs.out()).isEqualTo("truth\n");
    }

    @Test
    @Order(4)
    @Timeout(300)
    void rolesDecideWhoMaySubmitAndCancel() throws Exception {
        CliRun reader = cluster.cli(
                "submit", "--client-key", keys.resolve("rita.key").toString(), "--image", IMAGE, "--", "true");
        assertThat(reader.exitCode()).isEqualTo(1);
        assertThat(reader.err()).contains("reader");
        CliRun alice = cluster.cli(
                "submit", "--client-key", keys.resolve("alice.key").toString(), "--image", IMAGE, "--", "sleep", "60");
        assertThat(alice.exitCode()).as(alice.all()).isZero();
        String id = alice.out().strip();
        assertThat(verifiedJob(id).submittedBy()).isEqualTo("client:alice");
        CliRun bob = cluster.cli(
                "cancel", id, "--client-key", keys.resolve("bob.key").toString());
        assertThat(bob.exitCode()).isEqualTo(1);
        assertThat(bob.err()).contains("may not cancel");
        CliRun admin = cluster.cli("cancel", id);
        assertThat(admin.exitCode()).as(admin.all()).isZero();
        JobJson job = verifiedJob(id);
        for (int i = 0; i < 40 && !job.status().name().equals("CANCELLED"); i++) {
            Thread.sleep(500);
            job = verifiedJob(id);
        }
        assertThat(job.status().name()).isEqualTo("CANCELLED");
    }

    @Test
    @Order(6)
    @Timeout(300)
    void withTokensOffWritesMustBeSignedAndLogsGoOnlyToThoseAllowedToReadThem() throws Exception {
        cluster.restartWithConfig(List.of("api:", "  allowToken: false"));
        ApiClient token = cluster.api();
        try {
            token.submit(new JobSubmission(
                    null, IMAGE, List.of("true"), null, null, null, 60, null, null, null, null, null, null));
            throw new AssertionError("a token submission was accepted with api.allowToken: false");
        } catch (ApiException refused) {
            assertThat(refused.status()).isEqualTo(403);
        }
        String alice = keys.resolve("alice.key").toString();
        CliRun submit =
                cluster.cli("submit", "--client-key", alice, "--image", IMAGE, "--wait", "--", "echo", "alices");
        assertThat(submit.exitCode()).as(submit.all()).isZero();
        String task = jobIdOf(submit) + ".0";
        CliRun own = cluster.cli("logs", task, "--client-key", alice);
        assertThat(own.exitCode()).as(own.all()).isZero();
        assertThat(own.out()).isEqualTo("alices\n");
        CliRun other = cluster.cli(
                "logs", task, "--client-key", keys.resolve("bob.key").toString());
        assertThat(other.exitCode()).as(other.all()).isEqualTo(1);
        assertThat(other.out()).doesNotContain("alices");
        CliRun reader = cluster.cli(
                "logs", task, "--client-key", keys.resolve("rita.key").toString());
        assertThat(reader.exitCode()).as(reader.all()).isZero();
    }

    @Test
    @Order(5)
    @Timeout(300)
    void aSignedSubmissionTheEntryNodeDropsCompletesThroughAnotherNode() throws Exception {
        upWith("1:drop-submissions");
        CliRun submit = cluster.cli("submit", "--via", "1", "--image", IMAGE, "--wait", "--", "echo", "not-dropped");
        assertThat(submit.exitCode()).as(submit.all()).isZero();
        assertThat(verifiedJob(jobIdOf(submit)).tasks().get(0).output()).isEqualTo("not-dropped\n");
    }
}
