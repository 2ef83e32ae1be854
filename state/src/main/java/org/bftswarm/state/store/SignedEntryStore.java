package org.bftswarm.state.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bftswarm.crypto.Digest;
import org.bftswarm.crypto.RateLimitedLog;
import org.bftswarm.state.crdt.CanonicalWriter;
import org.bftswarm.state.crdt.MalformedBytesException;
import org.bftswarm.state.entry.EntryKey;
import org.bftswarm.state.entry.EntryOrder;
import org.bftswarm.state.entry.EntryVerifier;
import org.bftswarm.state.entry.InvalidEntryCounter;
import org.bftswarm.state.entry.SignedEntry;
import org.bftswarm.state.entry.Verdict;
import org.slf4j.LoggerFactory;

/**
 * A node's local copy of every valid signed entry: verify, then join (keep the {@link EntryOrder}
 * maximum per key). Because the join is a max over a total order, the content converges under any
 * delivery order, duplication or replay, and an older replay never regresses it. In-memory,
 * thread-safe, never blocks on the network; persistence and dissemination hang off listeners.
 */
public final class SignedEntryStore {
    private static final RateLimitedLog REJECT_LOG =
            new RateLimitedLog(LoggerFactory.getLogger(SignedEntryStore.class), 5_000);

    private final EntryVerifier verifier;
    private final InvalidEntryCounter invalid;
    private final TreeMap<EntryKey, SignedEntry> entries = new TreeMap<>();
    private final List<StoreListener> listeners = new CopyOnWriteArrayList<>();

    public SignedEntryStore(EntryVerifier verifier, InvalidEntryCounter invalid) {
        this.verifier = verifier;
        this.invalid = invalid;
    }

    public void addListener(StoreListener listener) {
        listeners.add(listener);
    }

    /** Verifies and merges received bytes; invalid ones are counted and dropped. */
    public OfferOutcome offer(byte[] encoded) {
        Optional<SignedEntry> held = heldCopyOf(encoded);
        if (held.isPresent()) {
            return new OfferOutcome.Duplicate(held.get());
        }
        Verdict verdict = verifier.verify(encoded);
        if (verdict instanceof Verdict.Rejected rejected) {
            invalid.record(rejected);
            REJECT_LOG.warn(
                    "dropped invalid state entry from {}: {} ({})",
                    rejected.sender(),
                    rejected.reason(),
                    rejected.detail());
            return new OfferOutcome.Rejected(rejected);
        }
        return merge(((Verdict.Accepted) verdict).entry());
    }

    /**
     * The entry this store holds if {@code encoded} is an exact copy of it (same key, timestamp, value
     * and signature bytes), which was verified when it was stored: such a copy cannot change anything
     * (the merge is idempotent), so it is answered {@code Duplicate} without checking its signature
     * again. Anti-entropy re-sends every own entry every few seconds to every member, so on a quiet
     * cluster nearly every entry received is such a copy. Anything else, including bytes that do not
     * decode, goes through the verifier.
     */
    private Optional<SignedEntry> heldCopyOf(byte[] encoded) {
        SignedEntry decoded;
        try {
            decoded = SignedEntry.decode(encoded);
        } catch (RuntimeException | MalformedBytesException e) {
            return Optional.empty();
        }
        synchronized (entries) {
            SignedEntry current = entries.get(decoded.key());
            return current != null && current.equals(decoded) ? Optional.of(current) : Optional.empty();
        }
    }

    /** Verifies and merges an already-decoded entry (e.g. one this node just signed). */
    public OfferOutcome offer(SignedEntry entry) {
        Verdict verdict = verifier.verify(entry);
        if (verdict instanceof Verdict.Rejected rejected) {
            invalid.record(rejected);
            return new OfferOutcome.Rejected(rejected);
        }
        return merge(entry);
    }

    private OfferOutcome merge(SignedEntry entry) {
        OfferOutcome outcome;
        synchronized (entries) {
            SignedEntry current = entries.get(entry.key());
            if (current != null && current.equals(entry)) {
                return new OfferOutcome.Duplicate(current);
            }
            if (!EntryOrder.supersedes(entry, current)) {
                return new OfferOutcome.Stale(entry, current);
            }
            entries.put(entry.key(), entry);
            outcome = new OfferOutcome.Applied(entry, current);
        }
        for (StoreListener l : listeners) {
            l.applied(entry);
        }
        return outcome;
    }

    public Optional<SignedEntry> get(EntryKey key) {
        synchronized (entries) {
            return Optional.ofNullable(entries.get(key));
        }
    }

    /** Sorted copy of all entries. */
    public SortedMap<EntryKey, SignedEntry> snapshot() {
        synchronized (entries) {
            return Collections.unmodifiableSortedMap(new TreeMap<>(entries));
        }
    }

    public List<SignedEntry> ownedBy(int owner) {
        List<SignedEntry> out = new ArrayList<>();
        synchronized (entries) {
            for (SignedEntry e : entries.values()) {
                if (e.key().owner() == owner) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /** Canonical bytes of the whole store: equal on converged replicas. */
    public byte[] canonicalBytes() {
        SortedMap<EntryKey, SignedEntry> copy = snapshot();
        CanonicalWriter w = new CanonicalWriter().writeInt(copy.size());
        for (SignedEntry e : copy.values()) {
            w.writeBytes(e.encode());
        }
        return w.toByteArray();
    }

    public Digest digest() {
        return Digest.sha256(canonicalBytes());
    }

    public InvalidEntryCounter invalidEntries() {
        return invalid;
    }
}
