package org.bftswarm.state.crdt;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The join-semilattice laws of both CRDTs, plus canonical encoding round trips. */
class MergeLawsPropertiesTest {

    @Provide
    Arbitrary<LwwMap> maps() {
        return CrdtArbitraries.lwwMaps();
    }

    @Provide
    Arbitrary<PnCounter> counters() {
        return CrdtArbitraries.pnCounters();
    }

    @Property
    void lwwMapMergeIsCommutative(@ForAll("maps") LwwMap a, @ForAll("maps") LwwMap b) {
        assertThat(a.merge(b)).isEqualTo(b.merge(a));
        assertThat(a.merge(b).encode()).isEqualTo(b.merge(a).encode());
    }

    @Property
    void lwwMapMergeIsAssociative(@ForAll("maps") LwwMap a, @ForAll("maps") LwwMap b, @ForAll("maps") LwwMap c) {
        assertThat(a.merge(b).merge(c)).isEqualTo(a.merge(b.merge(c)));
    }

    @Property
    void lwwMapMergeIsIdempotent(@ForAll("maps") LwwMap a, @ForAll("maps") LwwMap b) {
        assertThat(a.merge(a)).isEqualTo(a);
        LwwMap ab = a.merge(b);
        assertThat(ab.merge(b)).isEqualTo(ab);
    }

    @Property
    void lwwMapMergeKeepsTheGreatestRegisterPerKey(@ForAll("maps") LwwMap a, @ForAll("maps") LwwMap b) {
        LwwMap merged = a.merge(b);
        merged.entries().forEach((key, reg) -> {
            a.get(key).ifPresent(r -> assertThat(reg.compareTo(r)).isGreaterThanOrEqualTo(0));
            b.get(key).ifPresent(r -> assertThat(reg.compareTo(r)).isGreaterThanOrEqualTo(0));
        });
        assertThat(merged.size()).isGreaterThanOrEqualTo(Math.max(a.size(), b.size()));
    }

    @Property
    void lwwMapDecodeInvertsEncode(@ForAll("maps") LwwMap a) throws MalformedBytesException {
        LwwMap decoded = LwwMap.decode(a.encode());
        assertThat(decoded).isEqualTo(a);
        assertThat(decoded.digest()).isEqualTo(a.digest());
    }

    @Property
    void pnCounterMergeIsCommutative(@ForAll("counters") PnCounter a, @ForAll("counters") PnCounter b) {
        assertThat(a.merge(b)).isEqualTo(b.merge(a));
        assertThat(a.merge(b).encode()).isEqualTo(b.merge(a).encode());
    }

    @Property
    void pnCounterMergeIsAssociative(
            @ForAll("counters") PnCounter a, @ForAll("counters") PnCounter b, @ForAll("counters") PnCounter c) {
        assertThat(a.merge(b).merge(c)).isEqualTo(a.merge(b.merge(c)));
    }

    @Property
    void pnCounterMergeIsIdempotent(@ForAll("counters") PnCounter a, @ForAll("counters") PnCounter b) {
        assertThat(a.merge(a)).isEqualTo(a);
        PnCounter ab = a.merge(b);
        assertThat(ab.merge(b)).isEqualTo(ab);
    }

    @Property
    void pnCounterDecodeInvertsEncode(@ForAll("counters") PnCounter a) throws MalformedBytesException {
        assertThat(PnCounter.decode(a.encode())).isEqualTo(a);
    }

    @Property
    void decodersRejectHostileBytesWithCheckedErrorsOnly(@ForAll byte[] hostile) {
        for (Decoder d : new Decoder[] {LwwMap::decode, PnCounter::decode}) {
            try {
                d.decode(hostile);
            } catch (MalformedBytesException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }

    private interface Decoder {
        Object decode(byte[] bytes) throws MalformedBytesException;
    }
}
