package org.bftswarm.crypto.ed25519;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bftswarm.crypto.ed25519.EdwardsReference.BASE;
import static org.bftswarm.crypto.ed25519.EdwardsReference.L;
import static org.bftswarm.crypto.ed25519.EdwardsReference.add;
import static org.bftswarm.crypto.ed25519.EdwardsReference.encode;
import static org.bftswarm.crypto.ed25519.EdwardsReference.multiply;
import static org.bftswarm.crypto.ed25519.EdwardsReference.secretScalar;
import static org.bftswarm.crypto.ed25519.EdwardsReference.sign;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.bftswarm.crypto.SigningKey;

/**
 * Random keys, messages and tamperings: AWS-LC and Bouncy Castle sign the same bytes and reach the
 * same verdict, and that verdict is "valid" exactly for the untampered signature.
 */
class ProvidersAgreePropertyTest {
    enum Tamper {
        NONE,
        FLIP_SIGNATURE_BIT,
        FLIP_MESSAGE_BIT,
        S_PLUS_L,
        R_SMALL_ORDER,
        R_MIXED_ORDER,
        A_MIXED_ORDER,
        A_SMALL_ORDER
    }

    private final Ed25519Provider bc = Ed25519Providers.bouncyCastle();
    private final Ed25519Provider awsLc = Verdicts.awsLc();

    @Property(tries = 400)
    void bothProvidersSignIdenticallyAndAgreeOnEveryVerdict(
            @ForAll @Size(32) byte[] seed,
            @ForAll @Size(max = 300) byte[] message,
            @ForAll Tamper tamper,
            @ForAll @IntRange(min = 0, max = 1 << 20) int where) {
        SigningKey bcKey = SigningKey.fromSeed(seed, bc);
        SigningKey nativeKey = SigningKey.fromSeed(seed, awsLc);
        byte[] sig = bcKey.sign(message);
        assertThat(nativeKey.sign(message)).isEqualTo(sig);
        assertThat(nativeKey.verifyingKey()).isEqualTo(bcKey.verifyingKey());

        byte[] a = bcKey.verifyingKey().bytes();
        byte[] m = message;
        byte[] s = sig;
        BigInteger scalar = secretScalar(seed);
        BigInteger nonce = BigInteger.valueOf(where).add(BigInteger.TWO.pow(200));
        List<byte[]> small = StrictEd25519Rule.smallOrderEncodings();
        switch (tamper) {
            case NONE -> {}
            case FLIP_SIGNATURE_BIT -> s = EdgeCaseVectors.flip(sig, where % 64);
            case FLIP_MESSAGE_BIT -> {
                m = message.length == 0 ? new byte[] {0} : message.clone();
                if (message.length > 0) {
                    m[where % m.length] ^= (byte) (1 << (where % 8));
                }
            }
            case S_PLUS_L ->
                s = EdgeCaseVectors.withS(sig, EdgeCaseVectors.sOf(sig).add(L));
            case R_SMALL_ORDER -> s = EdgeCaseVectors.withR(sig, small.get(where % small.size()));
            case R_MIXED_ORDER ->
                s = sign(nonce, add(multiply(nonce, BASE), EdgeCaseVectors.torsion(1 + where % 7)), scalar, a, m);
            case A_MIXED_ORDER -> {
                a = encode(add(multiply(scalar, BASE), EdgeCaseVectors.torsion(1 + where % 7)));
                s = sign(nonce, multiply(nonce, BASE), scalar, a, m);
            }
            case A_SMALL_ORDER -> {
                a = small.get(where % small.size());
                s = sign(nonce, multiply(nonce, BASE), BigInteger.ZERO, a, m);
            }
        }
        boolean bcVerdict = Verdicts.of(bc, a, m, s);
        boolean nativeVerdict = Verdicts.of(awsLc, a, m, s);
        assertThat(nativeVerdict)
                .as("aws-lc vs bouncycastle on %s, A=%s", tamper, Arrays.toString(a))
                .isEqualTo(bcVerdict);
        assertThat(bcVerdict).as("verdict on %s", tamper).isEqualTo(tamper == Tamper.NONE);
    }
}
