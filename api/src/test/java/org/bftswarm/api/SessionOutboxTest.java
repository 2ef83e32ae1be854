package org.bftswarm.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class SessionOutboxTest {

    @Test
    void firstOfferIsSentAtOnceLaterOnesQueueBehindIt() {
        SessionOutbox box = new SessionOutbox(2);

        assertThat(box.offer("a")).isEqualTo(SessionOutbox.Offer.SEND_NOW);
        assertThat(box.offer("b")).isEqualTo(SessionOutbox.Offer.QUEUED);
        assertThat(box.offer("c")).isEqualTo(SessionOutbox.Offer.QUEUED);
        assertThat(box.writeSucceeded()).isEqualTo("b");
        assertThat(box.writeSucceeded()).isEqualTo("c");
        assertThat(box.writeSucceeded()).isNull();
        assertThat(box.offer("d")).isEqualTo(SessionOutbox.Offer.SEND_NOW);
    }

    @Test
    void aFullQueueOverflowsOnceThenDropsEverything() {
        SessionOutbox box = new SessionOutbox(1);
        box.offer("a");
        box.offer("b");

        assertThat(box.offer("c")).isEqualTo(SessionOutbox.Offer.OVERFLOW);
        assertThat(box.isClosed()).isTrue();
        assertThat(box.waiting()).isZero();
        assertThat(box.offer("d")).isEqualTo(SessionOutbox.Offer.CLOSED);
        assertThat(box.writeSucceeded()).isNull();
    }

    /**
     * Model: a consumer that completes writes at arbitrary moments. Whatever the interleaving, the
     * messages written are exactly the offered ones in order (until an overflow closes the outbox),
     * and no more than {@code capacity} ever wait.
     */
    @Property(tries = 300)
    void writesFollowOfferOrderAndTheQueueNeverExceedsCapacity(
            @ForAll @IntRange(min = 1, max = 8) int capacity, @ForAll @Size(max = 200) List<Boolean> offerOrComplete) {
        SessionOutbox box = new SessionOutbox(capacity);
        List<String> offered = new ArrayList<>();
        List<String> written = new ArrayList<>();
        boolean inFlight = false;
        boolean overflowed = false;
        int n = 0;
        for (boolean offer : offerOrComplete) {
            if (offer) {
                String m = "m" + n++;
                SessionOutbox.Offer o = box.offer(m);
                if (o == SessionOutbox.Offer.SEND_NOW) {
                    assertThat(inFlight).isFalse();
                    inFlight = true;
                    written.add(m);
                } else if (o == SessionOutbox.Offer.OVERFLOW) {
                    overflowed = true;
                }
                if (!overflowed) {
                    offered.add(m);
                }
            } else if (inFlight) {
                String next = box.writeSucceeded();
                inFlight = next != null;
                if (next != null) {
                    written.add(next);
                }
            }
            assertThat(box.waiting()).isLessThanOrEqualTo(capacity);
        }
        assertThat(offered).startsWith(written.toArray(String[]::new));
        assertThat(overflowed).isEqualTo(box.isClosed());
        if (!overflowed) {
            assertThat(offered.size() - written.size()).isEqualTo(box.waiting());
        }
    }
}
