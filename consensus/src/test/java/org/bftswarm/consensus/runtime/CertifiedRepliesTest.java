package org.bftswarm.consensus.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bftswarm.consensus.client.CertifiedResult;
import org.bftswarm.consensus.client.ClientNetwork;
import org.bftswarm.consensus.client.ClientOptions;
import org.bftswarm.consensus.client.ReplyCertificate;
import org.bftswarm.consensus.client.ReplySignature;
import org.bftswarm.consensus.client.ServiceProxy;
import org.bftswarm.consensus.transport.TransportConfig;
import org.bftswarm.crypto.Digest;
import org.bftswarm.crypto.KeyRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replica runtimes in one JVM over loopback TCP: the client's result comes with f+1 transferable reply proofs. */
class CertifiedRepliesTest {
    @TempDir
    Path dir;

    private static void assertProves(CertifiedResult r, KeyRegistry keys, String swarm, int quorum) {
        List<ReplySignature> certs = r.replies();
        assertThat(certs).hasSize(quorum);
        assertThat(certs.stream().map(ReplySignature::replica).distinct()).hasSize(quorum);
        for (ReplySignature c : certs) {
            assertThat(ReplyCertificate.verifies(swarm, keys.lookup(c.replica()), c))
                    .as("certificate of replica " + c.replica())
                    .isTrue();
            assertThat(c.resultDigest()).isEqualTo(Digest.sha256(r.result()));
            assertThat(c.clientId()).isEqualTo(1000);
        }
        assertThat(certs.stream()
                        .map(c -> c.requestNumber() + "@" + c.sequence())
                        .distinct())
                .as("all certify the same request at the same sequence")
                .hasSize(1);
        assertThat(certs.get(0).sequence()).isPositive();
    }

    @Test
    void aCertifiedInvocationReturnsFPlusOneValidSignedRepliesOverItsResult() throws Exception {
        try (LocalCluster c = new LocalCluster(dir, 4, 1)) {
            for (int i = 0; i < 4; i++) {
                c.start(i);
            }
            KeyRegistry keys = c.keys.loadRegistry(c.spec.n());
            try (ClientNetwork net = new ClientNetwork(c.spec, keys, TransportConfig.defaults(), 1);
                    ServiceProxy p =
                            new ServiceProxy(net, 1000, c.keys.loadSigningKey(1000), ClientOptions.defaults())) {
                long lastSequence = 0;
                for (int i = 0; i < 12; i++) {
                    CertifiedResult r =
                            p.invokeAsyncCertified(new byte[] {(byte) i}).get(30, TimeUnit.SECONDS);
                    assertProves(r, keys, c.spec.swarm(), 2);
                    long sequence = r.replies().get(0).sequence();
                    assertThat(sequence).as("sequences grow").isGreaterThan(lastSequence);
                    lastSequence = sequence;
                }
                assertThat(p.invoke(new byte[] {99}))
                        .as("the plain invoke still works beside the certified one")
                        .hasSize(8);
                assertThat(net.drops().total())
                        .as("no reply certificate was rejected")
                        .isZero();
            }
        }
    }

    @Test
    void withOneReplicaDownTheResultIsStillCertifiedByFPlusOneOthers() throws Exception {
        try (LocalCluster c = new LocalCluster(dir, 4, 1)) {
            for (int i = 0; i < 3; i++) {
                c.start(i);
            }
            KeyRegistry keys = c.keys.loadRegistry(c.spec.n());
            try (ClientNetwork net = new ClientNetwork(c.spec, keys, TransportConfig.defaults(), 1);
                    ServiceProxy p =
                            new ServiceProxy(net, 1000, c.keys.loadSigningKey(1000), ClientOptions.defaults())) {
                CertifiedResult r = p.invokeAsyncCertified(new byte[] {1}).get(30, TimeUnit.SECONDS);
                assertProves(r, keys, c.spec.swarm(), 2);
                assertThat(r.replies().stream().map(ReplySignature::replica)).doesNotContain(3);
            }
        }
    }
}
