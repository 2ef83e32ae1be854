package org.bftswarm.state.entry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.bftswarm.crypto.KeyRegistry;
import org.bftswarm.crypto.SigningKey;
import org.bftswarm.crypto.VerifyingKey;
import org.bftswarm.state.TestKeys;
import org.bftswarm.state.store.OfferOutcome;
import org.bftswarm.state.store.SignedEntryStore;
import org.bftswarm.state.view.Heartbeat;
import org.bftswarm.state.view.StateSchemas;
import org.junit.jupiter.api.Test;

/** Receivers verify before merging; invalid entries are dropped and counted against their sender. */
class EntryVerificationTest {
    private static final String SWARM = "test-swarm";
    private final InvalidEntryCounter counter = new InvalidEntryCounter();
    private final SignedEntryStore store =
            new SignedEntryStore(new EntryVerifier(SWARM, TestKeys.registry(4), new StateSchemas()), counter);

    private static SignedEntry heartbeat(int node, long seq, long ts) {
        EntryKey key = new EntryKey(node, EntryKind.REGISTER, Heartbeat.ENTRY_NAME);
        return SignedEntry.sign(SWARM, node, key, ts, new Heartbeat(node, seq, ts).encode(), TestKeys.key(node));
    }

    @Test
    void validEntryFromItsOwnerIsApplied() {
        SignedEntry e = heartbeat(1, 7, 1000);
        assertThat(store.offer(e.encode())).isInstanceOf(OfferOutcome.Applied.class);
        assertThat(store.get(e.key())).contains(e);
        assertThat(counter.total()).isZero();
    }

    @Test
    void tamperedValueIsRejectedAsBadSignatureAndCountedAgainstClaimedSigner() {
        byte[] bytes = heartbeat(2, 1, 1000).encode();
        bytes[bytes.length - 70] ^= 1; // inside the value, before the 64-byte signature and its length
        OfferOutcome out = store.offer(bytes);
        assertThat(out).isInstanceOf(OfferOutcome.Rejected.class);
        assertThat(((OfferOutcome.Rejected) out).verdict().reason()).isEqualTo(InvalidReason.BAD_SIGNATURE);
        assertThat(counter.count(2, InvalidReason.BAD_SIGNATURE)).isEqualTo(1);
        assertThat(store.size()).isZero();
    }

    @Test
    void anExactCopyOfAHeldEntryIsADuplicateButALookalikeWithAnotherSignatureIsStillRejected() {
        SignedEntry e = heartbeat(1, 7, 1000);
        assertThat(store.offer(e.encode())).isInstanceOf(OfferOutcome.Applied.class);
        assertThat(store.offer(e.encode())).isInstanceOf(OfferOutcome.Duplicate.class);
        byte[] lookalike = e.encode();
        lookalike[lookalike.length - 1] ^= 0x40; // same key, timestamp and value; the signature differs
        OfferOutcome out = store.offer(lookalike);
        assertThat(out).isInstanceOf(OfferOutcome.Rejected.class);
        assertThat(((OfferOutcome.Rejected) out).verdict().reason()).isEqualTo(InvalidReason.BAD_SIGNATURE);
        assertThat(counter.count(1, InvalidReason.BAD_SIGNATURE)).isEqualTo(1);
        assertThat(store.get(e.key())).contains(e);
    }

    @Test
    void tamperedSignatureIsRejectedAndCounted() {
        byte[] bytes = heartbeat(3, 1, 1000).encode();
        bytes[bytes.length - 1] ^= 0x40;
        assertThat(store.offer(bytes)).isInstanceOf(OfferOutcome.Rejected.class);
        assertThat(counter.count(3)).isEqualTo(1);
        assertThat(counter.lastEvidence().get(3).reason()).isEqualTo(InvalidReason.BAD_SIGNATURE);
    }

    @Test
    void entrySignedForAnotherSwarmDoesNotVerify() {
        EntryKey key = new EntryKey(1, EntryKind.REGISTER, "note");
        SignedEntry foreign = SignedEntry.sign("other-swarm", 1, key, 5, new byte[] {1}, TestKeys.key(1));
        assertThat(store.offer(foreign.encode())).isInstanceOf(OfferOutcome.Rejected.class);
        assertThat(counter.count(1, InvalidReason.BAD_SIGNATURE)).isEqualTo(1);
    }

    @Test
    void validlySignedWriteToAnotherOwnersKeyIsRejectedAsProvenWrongOwner() {
        EntryKey victimKey = new EntryKey(2, EntryKind.REGISTER, "note");
        byte[] value = {9};
        byte[] sig = TestKeys.key(1).sign(SignedEntry.signingBytes(SWARM, 1, victimKey, 10, value));
        SignedEntry forged = new SignedEntry(1, victimKey, 10, value, sig);
        OfferOutcome out = store.offer(forged.encode());
        assertThat(out).isInstanceOf(OfferOutcome.Rejected.class);
        assertThat(counter.count(1, InvalidReason.WRONG_OWNER)).isEqualTo(1);
        assertThat(InvalidReason.WRONG_OWNER.isProven()).isTrue();
        assertThat(counter.count(2)).isZero();
        assertThat(store.get(victimKey)).isEmpty();
    }

    @Test
    void entryFromUnknownSignerIsRejectedAndCounted() {
        SigningKey stranger = TestKeys.key(42);
        EntryKey key = new EntryKey(42, EntryKind.REGISTER, "note");
        SignedEntry e = SignedEntry.sign(SWARM, 42, key, 1, new byte[] {1}, stranger);
        assertThat(store.offer(e.encode())).isInstanceOf(OfferOutcome.Rejected.class);
        assertThat(counter.count(42, InvalidReason.UNKNOWN_SIGNER)).isEqualTo(1);
    }

    @Test
    void signerWhoseKeyWasReplacedIsRejected() {
        TreeMap<Integer, VerifyingKey> keys = new TreeMap<>();
        keys.put(0, TestKeys.key(9).verifyingKey());
        SignedEntryStore other = new SignedEntryStore(
                new EntryVerifier(SWARM, KeyRegistry.of(keys), ValueValidator.ACCEPT_ALL), counter);
        assertThat(other.offer(heartbeat(0, 1, 1).encode())).isInstanceOf(OfferOutcome.Rejected.class);
        assertThat(counter.count(0, InvalidReason.BAD_SIGNATURE)).isEqualTo(1);
    }

    @Test
    void heartbeatNamingAnotherNodeIsRejectedAsBadValue() {
        EntryKey key = new EntryKey(1, EntryKind.REGISTER, Heartbeat.ENTRY_NAME);
        SignedEntry lie = SignedEntry.sign(SWARM, 1, key, 5, new Heartbeat(3, 1, 5).encode(), TestKeys.key(1));
        assertThat(store.offer(lie.encode())).isInstanceOf(OfferOutcome.Rejected.class);
        assertThat(counter.count(1, InvalidReason.BAD_VALUE)).isEqualTo(1);
    }

    @Test
    void malformedCounterValueIsRejectedAsBadValue() {
        EntryKey key = new EntryKey(1, EntryKind.COUNTER, "tasks_run");
        SignedEntry bad = SignedEntry.sign(SWARM, 1, key, 5, new byte[] {1, 2, 3}, TestKeys.key(1));
        assertThat(store.offer(bad.encode())).isInstanceOf(OfferOutcome.Rejected.class);
        assertThat(counter.count(1, InvalidReason.BAD_VALUE)).isEqualTo(1);
    }

    @Test
    void replayedOlderEntryIsStaleAndDoesNotRegressState() {
        SignedEntry older = heartbeat(1, 1, 1000);
        SignedEntry newer = heartbeat(1, 2, 2000);
        store.offer(older.encode());
        store.offer(newer.encode());
        byte[] before = store.canonicalBytes();
        assertThat(store.offer(older.encode())).isInstanceOf(OfferOutcome.Stale.class);
        assertThat(store.offer(newer.encode())).isInstanceOf(OfferOutcome.Duplicate.class);
        assertThat(store.get(newer.key())).contains(newer);
        assertThat(store.canonicalBytes()).isEqualTo(before);
        assertThat(counter.total()).isZero();
    }

    @Test
    void truncatedBytesAreMalformedAndCountedWithoutThrowing() {
        byte[] bytes = heartbeat(1, 1, 1).encode();
        OfferOutcome out = store.offer(Arrays.copyOf(bytes, bytes.length - 5));
        assertThat(out).isInstanceOf(OfferOutcome.Rejected.class);
        assertThat(counter.count(1, InvalidReason.MALFORMED)).isEqualTo(1);
    }

    @Property(tries = 300)
    void hostileBytesAreRejectedNeverThrown(@ForAll byte[] hostile) {
        OfferOutcome out = store.offer(hostile);
        assertThat(out).isInstanceOf(OfferOutcome.Rejected.class);
    }

    @Test
    void signedEntryRoundTripsThroughItsEncoding() throws Exception {
        SignedEntry e = heartbeat(2, 3, 4);
        assertThat(SignedEntry.decode(e.encode())).isEqualTo(e);
    }
}
