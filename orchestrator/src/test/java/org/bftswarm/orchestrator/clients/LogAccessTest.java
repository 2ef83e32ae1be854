package org.bftswarm.orchestrator.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.TreeMap;
import org.bftswarm.crypto.SigningKey;
import org.bftswarm.orchestrator.ops.LogRequestSigning;
import org.junit.jupiter.api.Test;

class LogAccessTest {
    private static final long NOW = 1_800_000_000_000L;
    private final SigningKey alice = SigningKey.generate(new SecureRandom());
    private final SigningKey bob = SigningKey.generate(new SecureRandom());
    private final SigningKey rita = SigningKey.generate(new SecureRandom());
    private final SigningKey root = SigningKey.generate(new SecureRandom());

    private ClientPolicy policy(boolean allowToken) {
        TreeMap<String, ClientPolicy.Client> clients = new TreeMap<>();
        clients.put("alice", new ClientPolicy.Client(alice.verifyingKey().hex(), ClientRole.SUBMITTER));
        clients.put("bob", new ClientPolicy.Client(bob.verifyingKey().hex(), ClientRole.SUBMITTER));
        clients.put("rita", new ClientPolicy.Client(rita.verifyingKey().hex(), ClientRole.READER));
        clients.put("root", new ClientPolicy.Client(root.verifyingKey().hex(), ClientRole.ADMIN));
        return new ClientPolicy("demo", clients, allowToken);
    }

    private static Optional<LogAccess.Credentials> signed(String client, SigningKey key, String task, long at) {
        return Optional.of(
                new LogAccess.Credentials(client, at, LogRequestSigning.sign("demo", client, task, at, key)));
    }

    @Test
    void aSubmitterReadsTheLogsOfItsOwnJobsOnlyWhileReadersAndAdminsReadAll() {
        ClientPolicy p = policy(false);
        assertThat(LogAccess.decide(p, "a-1.0", "alice", signed("alice", alice, "a-1.0", NOW), NOW))
                .isEmpty();
        assertThat(LogAccess.decide(p, "a-1.0", "alice", signed("bob", bob, "a-1.0", NOW), NOW))
                .contains(LogAccess.Refusal.FORBIDDEN);
        assertThat(LogAccess.decide(p, "a-1.0", "alice", signed("rita", rita, "a-1.0", NOW), NOW))
                .isEmpty();
        assertThat(LogAccess.decide(p, "a-1.0", "alice", signed("root", root, "a-1.0", NOW), NOW))
                .isEmpty();
        assertThat(LogAccess.decide(p, "t-1.0", null, signed("alice", alice, "t-1.0", NOW), NOW))
                .as("a job no client owns is not a submitter's")
                .contains(LogAccess.Refusal.FORBIDDEN);
    }

    @Test
    void aForgedStaleOrOtherTaskRequestIsUnauthenticated() {
        ClientPolicy p = policy(false);
        assertThat(LogAccess.decide(p, "a-1.0", "alice", signed("alice", bob, "a-1.0", NOW), NOW))
                .contains(LogAccess.Refusal.UNAUTHENTICATED);
        assertThat(LogAccess.decide(p, "a-1.0", "alice", signed("alice", alice, "a-2.0", NOW), NOW))
                .contains(LogAccess.Refusal.UNAUTHENTICATED);
        long stale = NOW - LogRequestSigning.FRESHNESS_MILLIS - 1;
        assertThat(LogAccess.decide(p, "a-1.0", "alice", signed("alice", alice, "a-1.0", stale), NOW))
                .contains(LogAccess.Refusal.UNAUTHENTICATED);
        assertThat(LogAccess.decide(p, "a-1.0", "alice", signed("mallory", alice, "a-1.0", NOW), NOW))
                .contains(LogAccess.Refusal.UNAUTHENTICATED);
    }

    @Test
    void anUnsignedRequestIsServedOnlyWhileTokensAreAllowed() {
        assertThat(LogAccess.decide(policy(true), "a-1.0", "alice", Optional.empty(), NOW))
                .isEmpty();
        assertThat(LogAccess.decide(policy(false), "a-1.0", "alice", Optional.empty(), NOW))
                .contains(LogAccess.Refusal.UNAUTHENTICATED);
    }
}
