package org.bftswarm.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.bftswarm.crypto.KeyRegistry;
import org.bftswarm.crypto.SigningKey;
import org.bftswarm.crypto.VerifyingKey;
import org.bftswarm.orchestrator.NodePrincipals;
import org.bftswarm.orchestrator.SchedulerConfig;
import org.junit.jupiter.api.Test;

class NodePrincipalIdsTest {
    private static List<VerifyingKey> keys(int n) {
        SecureRandom r = new SecureRandom();
        List<VerifyingKey> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(SigningKey.generate(r).verifyingKey());
        }
        return out;
    }

    @Test
    void everyIdOfANodeMapsToThatNodesKeyAndNothingElseDoes() {
        List<VerifyingKey> keys = keys(4);
        KeyRegistry reg = NodePrincipalIds.registry(keys, Map.of());
        for (int i = 0; i < 4; i++) {
            assertThat(reg.lookup(i)).isEqualTo(keys.get(i));
            assertThat(reg.lookup(NodePrincipalIds.nodeClientId(i))).isEqualTo(keys.get(i));
            for (int k = 0; k < NodePrincipalIds.API_POOL_SIZE; k++) {
                assertThat(reg.lookup(NodePrincipalIds.apiClientId(i, k))).isEqualTo(keys.get(i));
            }
        }
        assertThat(reg.principals()).hasSize(4 * (2 + NodePrincipalIds.API_POOL_SIZE));
    }

    @Test
    void aClientKeyFileCannotClaimAReservedNodeId() {
        List<VerifyingKey> keys = keys(4);
        VerifyingKey intruder = keys(1).get(0);
        KeyRegistry reg = NodePrincipalIds.registry(keys, Map.of(1001, intruder, 10_001, intruder, 5000, intruder));
        assertThat(reg.lookup(1001)).isEqualTo(keys.get(1));
        assertThat(reg.lookup(10_001)).isEqualTo(keys.get(0));
        assertThat(reg.lookup(5000)).isEqualTo(intruder);
    }

    @Test
    void theSchedulerSeesTheWorkerIdAndEveryApiSessionIdAsTheirNodesPrincipal() {
        NodePrincipals scheduler = new NodePrincipals(SchedulerConfig.defaults(4));
        for (int i = 0; i < 4; i++) {
            assertThat(scheduler.speaksFor(NodePrincipalIds.nodeClientId(i), i)).isTrue();
            for (int k = 0; k < NodePrincipalIds.API_POOL_SIZE; k++) {
                assertThat(scheduler.nodeOf(NodePrincipalIds.apiClientId(i, k))).hasValue(i);
            }
        }
        assertThat(scheduler.isNode(5000)).isFalse();
    }

    @Property(tries = 300)
    void ownerOfInvertsEveryDerivedId(
            @ForAll @IntRange(min = 1, max = 100) int n,
            @ForAll @IntRange(min = 0, max = 99) int node,
            @ForAll @IntRange(min = 0, max = 7) int k) {
        int id = node % n;
        assertThat(NodePrincipalIds.ownerOf(id, n)).hasValue(id);
        assertThat(NodePrincipalIds.ownerOf(NodePrincipalIds.nodeClientId(id), n))
                .hasValue(id);
        assertThat(NodePrincipalIds.ownerOf(NodePrincipalIds.apiClientId(id, k), n))
                .hasValue(id);
        assertThat(NodePrincipalIds.ownerOf(
                        NodePrincipalIds.API_POOL_BASE
                                + NodePrincipalIds.API_POOL_STRIDE * id
                                + NodePrincipalIds.API_POOL_SIZE,
                        n))
                .isEmpty();
    }
}
