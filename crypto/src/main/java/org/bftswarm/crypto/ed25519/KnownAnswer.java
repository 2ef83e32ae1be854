package org.bftswarm.crypto.ed25519;

import java.util.Arrays;
import java.util.HexFormat;
import org.bftswarm.crypto.Invariants;

/**
 * The load-time self-test of a provider: RFC 8032 section 7.1 TEST 1 (empty message) must sign to
 * the published signature byte for byte, verify, and fail to verify once one bit of it flips.
 */
final class KnownAnswer {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] SEED = HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    private static final byte[] PUBLIC =
            HEX.parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    private static final byte[] SIGNATURE = HEX.parseHex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065"
            + "224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");

    private KnownAnswer() {}

    /** Throws InvariantViolation when {@code provider} gets TEST 1 wrong. */
    static void check(Ed25519Provider provider) {
        byte[] empty = new byte[0];
        byte[] signature = provider.signer(SEED).sign(empty, 0, 0);
        Invariants.check(
                Arrays.equals(signature, SIGNATURE),
                "%s signs RFC 8032 TEST 1 as %s",
                provider.name(),
                HEX.formatHex(signature));
        Ed25519Provider.Verifier verifier = provider.verifier(PUBLIC);
        Invariants.check(verifier.verify(empty, 0, 0, SIGNATURE), "%s rejects RFC 8032 TEST 1", provider.name());
        byte[] flipped = SIGNATURE.clone();
        flipped[0] ^= 1;
        Invariants.check(
                !verifier.verify(empty, 0, 0, flipped), "%s accepts a corrupted RFC 8032 TEST 1", provider.name());
    }
}
