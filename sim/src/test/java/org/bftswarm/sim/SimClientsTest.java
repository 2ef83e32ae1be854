package org.bftswarm.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.bftswarm.orchestrator.clients.ClientRole;
import org.junit.jupiter.api.Test;

/** The simulated clients' keys come from the seed alone, and their roles are fixed by name. */
class SimClientsTest {

    @Test
    void theSameSeedGivesTheSameKeysAndAnotherSeedOthers() {
        SimClients a = new SimClients(7, 3);
        SimClients b = new SimClients(7, 3);
        SimClients c = new SimClients(8, 3);
        assertThat(b.policy()).isEqualTo(a.policy());
        assertThat(c.keyOf("user-1").verifyingKey())
                .isNotEqualTo(a.keyOf("user-1").verifyingKey());
        assertThat(a.keyOf("user-1").verifyingKey())
                .isNotEqualTo(a.keyOf("user-2").verifyingKey());
    }

    @Test
    void userZeroIsAdminTheOthersSubmitAndTheReaderOnlyReads() {
        SimClients s = new SimClients(1, 3);
        assertThat(s.policy().roleOf("user-0")).contains(ClientRole.ADMIN);
        assertThat(s.policy().roleOf("user-2")).contains(ClientRole.SUBMITTER);
        assertThat(s.policy().roleOf(SimClients.READER)).contains(ClientRole.READER);
        assertThat(s.policy().roleOf("user-3")).isEmpty();
    }
}
