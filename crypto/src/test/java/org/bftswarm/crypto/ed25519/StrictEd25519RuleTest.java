package org.bftswarm.crypto.ed25519;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bftswarm.crypto.ed25519.EdwardsReference.L;
import static org.bftswarm.crypto.ed25519.EdwardsReference.P;
import static org.bftswarm.crypto.ed25519.EdwardsReference.encode;
import static org.bftswarm.crypto.ed25519.EdwardsReference.fromLittleEndian;
import static org.bftswarm.crypto.ed25519.EdwardsReference.littleEndian;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class StrictEd25519RuleTest {
    private static final HexFormat HEX = HexFormat.of();

    @Property
    void aScalarIsCanonicalExactlyWhenItIsBelowL(@ForAll @Size(32) byte[] s) {
        assertThat(StrictEd25519Rule.isCanonicalScalar(s, 0))
                .isEqualTo(fromLittleEndian(s).compareTo(L) < 0);
    }

    @Property
    void aScalarNearLIsCanonicalExactlyWhenItIsBelowL(@ForAll @Size(1) byte[] delta) {
        BigInteger s = L.add(BigInteger.valueOf(delta[0]));
        assertThat(StrictEd25519Rule.isCanonicalScalar(littleEndian(s), 0)).isEqualTo(s.compareTo(L) < 0);
    }

    @Test
    void theBoundaryScalarsAroundL() {
        assertThat(StrictEd25519Rule.isCanonicalScalar(littleEndian(L.subtract(BigInteger.ONE)), 0))
                .isTrue();
        assertThat(StrictEd25519Rule.isCanonicalScalar(littleEndian(L), 0)).isFalse();
        assertThat(StrictEd25519Rule.isCanonicalScalar(littleEndian(L.add(BigInteger.ONE)), 0))
                .isFalse();
        assertThat(StrictEd25519Rule.isCanonicalScalar(new byte[32], 0)).isTrue();
    }

    @Property
    void aPointEncodingIsCanonicalExactlyWhenItsYIsBelowP(@ForAll @Size(32) byte[] e) {
        byte[] y = e.clone();
        y[31] &= 0x7f;
        assertThat(StrictEd25519Rule.isCanonicalPointEncoding(e, 0))
                .isEqualTo(fromLittleEndian(y).compareTo(P) < 0);
    }

    @Test
    void everyYFromPUpIsNonCanonicalWithEitherSignBit() {
        for (int i = 0; i < 19; i++) {
            byte[] e = littleEndian(P.add(BigInteger.valueOf(i)));
            assertThat(StrictEd25519Rule.isCanonicalPointEncoding(e, 0)).isFalse();
            e[31] |= (byte) 0x80;
            assertThat(StrictEd25519Rule.isCanonicalPointEncoding(e, 0)).isFalse();
        }
        assertThat(StrictEd25519Rule.isCanonicalPointEncoding(littleEndian(P.subtract(BigInteger.ONE)), 0))
                .isTrue();
    }

    @Test
    void theCanonicalSmallOrderListIsExactlyTheTorsionSubgroup() {
        Set<String> torsion = IntStream.range(0, 8)
                .mapToObj(i -> HEX.formatHex(encode(EdgeCaseVectors.torsion(i))))
                .collect(Collectors.toSet());
        assertThat(torsion).hasSize(8);
        List<byte[]> list = StrictEd25519Rule.smallOrderEncodings();
        Set<String> canonical = list.subList(0, StrictEd25519Rule.CANONICAL_SMALL_ORDER_COUNT).stream()
                .map(HEX::formatHex)
                .collect(Collectors.toSet());
        assertThat(canonical).isEqualTo(torsion);
        assertThat(EdgeCaseVectors.smallOrder(EdgeCaseVectors.ORDER_8)).isTrue();
        assertThat(EdgeCaseVectors.smallOrder(EdgeCaseVectors.torsion(4))).isTrue();
    }

    @Test
    void everyNonCanonicalSmallOrderEntryDecodesLaxlyToATorsionPoint() {
        List<byte[]> list = StrictEd25519Rule.smallOrderEncodings();
        for (byte[] e : list.subList(StrictEd25519Rule.CANONICAL_SMALL_ORDER_COUNT, list.size())) {
            assertThat(EdgeCaseVectors.smallOrder(EdwardsReference.decodeLax(e)))
                    .as(HEX.formatHex(e))
                    .isTrue();
            assertThat(isCanonicalUnderSection513(e)).as(HEX.formatHex(e)).isFalse();
        }
    }

    @Property
    void aSignatureIsAdmittedExactlyWhenSIsCanonicalAndRIsCanonicalAndNotSmallOrder(@ForAll @Size(64) byte[] sig) {
        boolean expected = StrictEd25519Rule.isCanonicalScalar(sig, 32)
                && StrictEd25519Rule.isCanonicalPointEncoding(sig, 0)
                && !StrictEd25519Rule.isSmallOrderEncoding(sig, 0);
        assertThat(StrictEd25519Rule.admitsSignature(sig, 0)).isEqualTo(expected);
    }

    @Test
    void shortOrMissingInputIsNotAdmitted() {
        assertThat(StrictEd25519Rule.admitsSignature(null, 0)).isFalse();
        assertThat(StrictEd25519Rule.admitsSignature(new byte[63], 0)).isFalse();
        assertThat(StrictEd25519Rule.admitsSignature(new byte[64], 1)).isFalse();
        assertThat(StrictEd25519Rule.admitsPublicKey(null, 0)).isFalse();
        assertThat(StrictEd25519Rule.admitsPublicKey(new byte[31], 0)).isFalse();
    }

    @Test
    void rfcKeysAreAdmittedAndSmallOrMixedOrderKeysAreNot() {
        for (String[] t : EdgeCaseVectors.RFC8032) {
            assertThat(StrictEd25519Rule.admitsPublicKey(HEX.parseHex(t[2]), 0)).isTrue();
        }
        for (byte[] small : StrictEd25519Rule.smallOrderEncodings()) {
            assertThat(StrictEd25519Rule.admitsPublicKey(small, 0)).isFalse();
        }
        EdwardsReference.Point a =
                EdwardsReference.decode(HEX.parseHex(EdgeCaseVectors.RFC8032.get(0)[2]));
        for (int i = 1; i < 8; i++) {
            byte[] mixed = encode(EdwardsReference.add(a, EdgeCaseVectors.torsion(i)));
            assertThat(StrictEd25519Rule.admitsPublicKey(mixed, 0))
                    .as("A + [%d]T8", i)
                    .isFalse();
        }
    }

    private static boolean isCanonicalUnderSection513(byte[] e) {
        try {
            EdwardsReference.decode(e);
            return true;
        } catch (IllegalArgumentException rejected) {
            return false;
        }
    }
}
