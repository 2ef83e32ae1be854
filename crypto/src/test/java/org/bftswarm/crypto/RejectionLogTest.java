package org.bftswarm.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RejectionLogTest {
    private final AtomicLong clock = new AtomicLong(0);
    private final RejectionLog log = new RejectionLog("test", clock::get, 1_000);

    @Test
    void everyOutcomeIsCountedByKind() {
        log.record(new VerifyOutcome.Malformed("bad magic"), "peer-1");
        log.record(new VerifyOutcome.Malformed("too short"), "peer-1");
        log.record(new VerifyOutcome.BadSignature(2), "peer-2");
        log.record(new VerifyOutcome.Ok(SignedEnvelope.sign("s", 1, 0, new byte[0], TestKeys.key(0))), "peer-0");
        assertThat(log.counts())
                .containsExactly(Map.entry("bad_signature", 1L), Map.entry("malformed", 2L), Map.entry("ok", 1L));
    }

    @Test
    void rejectionsOfOneKindAreLoggedAtMostOncePerInterval() {
        assertThat(log.record(new VerifyOutcome.WrongSwarm("x"), "p")).isTrue();
        clock.set(999);
        assertThat(log.record(new VerifyOutcome.WrongSwarm("x"), "p")).isFalse();
        assertThat(log.record(new VerifyOutcome.UnknownSender(9), "p"))
                .as("other kinds have their own limit")
                .isTrue();
        clock.set(1_000);
        assertThat(log.record(new VerifyOutcome.WrongSwarm("x"), "p")).isTrue();
        assertThat(log.count("wrong_swarm")).isEqualTo(3);
    }

    @Test
    void okOutcomesAreNeverLogged() {
        VerifyOutcome ok = new VerifyOutcome.Ok(SignedEnvelope.sign("s", 1, 0, new byte[0], TestKeys.key(0)));
        assertThat(log.record(ok, "p")).isFalse();
    }
}
