package org.bftswarm.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** SHA-256 known answers (FIPS 180-4 examples) and Digest's value and ordering rules. */
class DigestTest {
    @Test
    void sha256OfAbcMatchesFips180KnownAnswer() {
        assertThat(Digest.sha256("abc".getBytes(StandardCharsets.US_ASCII)).hex())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void sha256OfTwoBlockMessageMatchesFips180KnownAnswer() {
        byte[] msg = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".getBytes(StandardCharsets.US_ASCII);
        assertThat(Digest.sha256(msg).hex())
                .isEqualTo("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    }

    @Test
    void sha256OfEmptyInputMatchesKnownAnswer() {
        assertThat(Digest.sha256(new byte[0]).hex())
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void sliceDigestEqualsDigestOfCopiedSlice() {
        byte[] buf = "xxabcyy".getBytes(StandardCharsets.US_ASCII);
        assertThat(Digest.sha256(buf, 2, 3)).isEqualTo(Digest.sha256("abc".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void orderIsUnsignedLexicographic() {
        byte[] low = new byte[32];
        byte[] high = new byte[32];
        low[0] = 0x7f;
        high[0] = (byte) 0x80;
        assertThat(Digest.wrap(low)).isLessThan(Digest.wrap(high));
        assertThat(Digest.ZERO).isLessThan(Digest.wrap(low));
    }

    @Test
    void wrapRefusesWrongLengthAndCopiesItsInput() {
        assertThatThrownBy(() -> Digest.wrap(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        byte[] raw = new byte[32];
        Digest d = Digest.wrap(raw);
        raw[0] = 1;
        assertThat(d).isEqualTo(Digest.ZERO);
        d.bytes()[0] = 9;
        assertThat(d).isEqualTo(Digest.ZERO);
    }

    @Property(tries = 200)
    void hexRoundTripsAndEqualityFollowsBytes(@ForAll byte[] data) {
        Digest d = Digest.sha256(data);
        assertThat(Digest.fromHex(d.hex())).isEqualTo(d).hasSameHashCodeAs(d);
        assertThat(Digest.wrap(d.bytes())).isEqualByComparingTo(d);
    }
}
