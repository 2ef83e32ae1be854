package org.bftswarm.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bftswarm.crypto.SigningKey;
import org.bftswarm.orchestrator.clients.ClientPolicy;
import org.bftswarm.orchestrator.clients.ClientRole;
import org.bftswarm.orchestrator.ops.CancelJob;
import org.bftswarm.orchestrator.ops.ClientOperation;
import org.bftswarm.orchestrator.ops.ClientSigning;
import org.bftswarm.orchestrator.ops.Operation;
import org.bftswarm.orchestrator.ops.RegisterNode;
import org.bftswarm.orchestrator.ops.Reply;
import org.bftswarm.orchestrator.ops.ReplyCode;
import org.bftswarm.orchestrator.ops.SubmitJob;
import org.bftswarm.orchestrator.spec.JobSpec;
import org.junit.jupiter.api.Test;

/** Operations signed by user clients: authenticated, authorised and replay-proof on every replica. */
class ClientOperationsTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SWARM = "demo";
    private final SigningKey alice = SigningKey.generate(RANDOM);
    private final SigningKey bob = SigningKey.generate(RANDOM);
    private final SigningKey root = SigningKey.generate(RANDOM);
    private final SigningKey rita = SigningKey.generate(RANDOM);
    /** The consensus client id of node 1's API pool: the entry node forwarding the signed operations. */
    private final int entry = NodePrincipals.apiClientId(1, 0);

    private ClusterDriver cluster(boolean allowToken) {
        TreeMap<String, ClientPolicy.Client> clients = new TreeMap<>();
        clients.put("alice", new ClientPolicy.Client(alice.verifyingKey().hex(), ClientRole.SUBMITTER));
        clients.put("bob", new ClientPolicy.Client(bob.verifyingKey().hex(), ClientRole.SUBMITTER));
        clients.put("root", new ClientPolicy.Client(root.verifyingKey().hex(), ClientRole.ADMIN));
        clients.put("rita", new ClientPolicy.Client(rita.verifyingKey().hex(), ClientRole.READER));
        SchedulerConfig config =
                SchedulerConfig.defaults(4).withClientPolicy(new ClientPolicy(SWARM, clients, allowToken));
        ClusterDriver d = new ClusterDriver(new Scheduler(config));
        for (int i = 0; i < 4; i++) {
            d.register(i, 4, 4096, Map.of());
        }
        return d;
    }

    private static SubmitJob submit(String jobId, String image) {
        return new SubmitJob(jobId, JobSpec.of(image, List.of("echo", "hi")));
    }

    private Reply signedBy(ClusterDriver d, String client, SigningKey key, long n, Operation op) {
        return d.execute(entry, ClientSigning.sign(SWARM, client, n, op, key));
    }

    @Test
    void aSignedSubmissionRunsAsItsClientWhicheverNodeForwardedIt() {
        ClusterDriver d = cluster(true);
        Reply r = signedBy(d, "alice", alice, 1, submit("a-1", "bftswarm/busybox"));
        assertThat(r.isOk()).as("%s", r).isTrue();
        assertThat(d.scheduler.job("a-1").orElseThrow().submittedBy()).isEqualTo("client:alice");
        assertThat(d.scheduler.job("a-1").orElseThrow().spec().image()).isEqualTo("bftswarm/busybox");
    }

    @Test
    void anOperationAlteredAfterSigningIsRefusedAndChangesNothing() {
        ClusterDriver d = cluster(true);
        ClientOperation honest = ClientSigning.sign(SWARM, "alice", 1, submit("a-1", "bftswarm/busybox"), alice);
        ClientOperation altered = new ClientOperation(
                honest.client(), honest.requestNumber(), submit("a-1", "evil/miner"), honest.signature());
        byte[] before = d.scheduler.snapshot();
        Reply r = d.execute(entry, altered);
        assertThat(r.code()).isEqualTo(ReplyCode.UNAUTHORIZED);
        assertThat(d.scheduler.snapshot()).isEqualTo(before);
        assertThat(d.execute(entry, honest).isOk()).isTrue();
    }

    @Test
    void aSignatureForAnotherSwarmOrByAnotherKeyOrOfAnUnknownClientIsRefused() {
        ClusterDriver d = cluster(true);
        ClientOperation otherSwarm = ClientSigning.sign("other", "alice", 1, submit("a-1", "x"), alice);
        assertThat(d.execute(entry, otherSwarm).code()).isEqualTo(ReplyCode.UNAUTHORIZED);
        assertThat(signedBy(d, "alice", bob, 1, submit("a-1", "x")).code()).isEqualTo(ReplyCode.UNAUTHORIZED);
        assertThat(signedBy(d, "mallory", bob, 1, submit("a-1", "x")).code()).isEqualTo(ReplyCode.UNAUTHORIZED);
        assertThat(d.execute(entry, new ClientOperation("alice", 1, submit("a-1", "x"), "00"))
                        .code())
                .isEqualTo(ReplyCode.UNAUTHORIZED);
        assertThat(d.scheduler.jobs()).isEmpty();
    }

    @Test
    void aReplayedOperationIsRefusedNamingTheJobItConcerns() {
        ClusterDriver d = cluster(true);
        ClientOperation op = ClientSigning.sign(SWARM, "alice", 7, submit("a-7", "x"), alice);
        assertThat(d.execute(entry, op).isOk()).isTrue();
        Reply again = d.execute(NodePrincipals.apiClientId(2, 0), op);
        assertThat(again.code()).isEqualTo(ReplyCode.REPLAYED);
        assertThat(again.jobId()).isEqualTo("a-7");
        assertThat(d.scheduler.jobs()).hasSize(1);
        assertThat(signedBy(d, "alice", alice, 8, submit("a-8", "x")).isOk()).isTrue();
        assertThat(signedBy(d, "alice", alice, 5, submit("a-5", "x")).isOk())
                .as("an older unused number inside the window is still fresh")
                .isTrue();
    }

    @Test
    void rolesDecideWhoMaySubmitAndWhoMayCancelWhichJob() {
        ClusterDriver d = cluster(true);
        assertThat(signedBy(d, "rita", rita, 1, submit("r-1", "x")).code()).isEqualTo(ReplyCode.FORBIDDEN);
        assertThat(signedBy(d, "alice", alice, 1, submit("a-1", "x")).isOk()).isTrue();
        assertThat(signedBy(d, "bob", bob, 1, submit("b-1", "x")).isOk()).isTrue();
        assertThat(signedBy(d, "bob", bob, 2, new CancelJob("a-1")).code()).isEqualTo(ReplyCode.FORBIDDEN);
        assertThat(signedBy(d, "rita", rita, 2, new CancelJob("a-1")).code()).isEqualTo(ReplyCode.FORBIDDEN);
        assertThat(d.execute(entry, new CancelJob("a-1")).code())
                .as("a token holder (trusting the node) may not cancel a client's job")
                .isEqualTo(ReplyCode.UNAUTHORIZED);
        assertThat(signedBy(d, "alice", alice, 2, new CancelJob("a-1")).code()).isEqualTo(ReplyCode.JOB_CANCELLED);
        assertThat(signedBy(d, "root", root, 1, new CancelJob("b-1")).code()).isEqualTo(ReplyCode.JOB_CANCELLED);
    }

    @Test
    void tokenSubmissionsAreMarkedAndCanBeTurnedOff() {
        ClusterDriver open = cluster(true);
        assertThat(open.execute(entry, submit("t-1", "x")).isOk()).isTrue();
        assertThat(open.scheduler.job("t-1").orElseThrow().submittedBy()).isEqualTo("token@1");
        ClusterDriver closed = cluster(false);
        assertThat(closed.execute(entry, submit("t-1", "x")).code()).isEqualTo(ReplyCode.FORBIDDEN);
        assertThat(signedBy(closed, "alice", alice, 1, submit("a-1", "x")).isOk())
                .isTrue();
    }

    @Test
    void onlySubmitAndCancelMayBeSignedByAClient() {
        ClusterDriver d = cluster(true);
        Reply r = signedBy(d, "root", root, 1, new RegisterNode(2, 1000, 1 << 20, Map.of()));
        assertThat(r.code()).isEqualTo(ReplyCode.INVALID);
    }

    @Test
    void requestWindowsAreReplicatedStateThatSurvivesASnapshot() {
        ClusterDriver d = cluster(true);
        ClientOperation op = ClientSigning.sign(SWARM, "alice", 3, submit("a-3", "x"), alice);
        d.execute(entry, op);
        Scheduler copy = new Scheduler(d.scheduler.config());
        copy.restore(d.scheduler.snapshot());
        assertThat(copy.digest()).isEqualTo(d.scheduler.digest());
        ClusterDriver restored = new ClusterDriver(copy);
        restored.now = d.now;
        assertThat(restored.execute(entry, op).code()).isEqualTo(ReplyCode.REPLAYED);
    }
}
