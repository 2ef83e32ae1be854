package org.bftswarm.orchestrator.mine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class BlockHeaderKnownAnswerTest {
    static final String GENESIS_HASH = "000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f";
    static final String GENESIS_MERKLE = "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b";
    static final String ZERO = "0".repeat(64);
    static final long GENESIS_NONCE = 2083236893L;

    static BlockHeader genesis(long nonce) {
        return BlockHeader.of(1, ZERO, GENESIS_MERKLE, 1231006505L, 0x1d00ffff, nonce);
    }

    @Test
    void theGenesisHeaderHashesToTheGenesisBlockHash() {
        assertThat(genesis(GENESIS_NONCE).hashHex()).isEqualTo(GENESIS_HASH);
        assertThat(genesis(GENESIS_NONCE).bytes()).hasSize(80);
    }

    @Test
    void theSerialisedHeaderIsLittleEndianWithReversedHashes() {
        byte[] b = genesis(GENESIS_NONCE).bytes();
        String hex = HexFormat.of().formatHex(b);
        assertThat(hex).startsWith("01000000" + ZERO + "3ba3edfd7a7b12b27ac72c3e");
        assertThat(hex).endsWith("29ab5f49" + "ffff001d" + "1dac2b7c");
    }

    @Test
    void aNarrowSearchFindsTheNonceAPlainDigestLoopFinds() throws Exception {
        MiningTarget target = MiningTarget.fromBits(0x1d00ffff);
        long from = GENESIS_NONCE - 3000;
        long to = GENESIS_NONCE + 3000;
        long expected = -1;
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (long n = from; n <= to && expected < 0; n++) {
            byte[] h = md.digest(md.digest(genesis(n).bytes()));
            byte[] shown = new byte[32];
            for (int i = 0; i < 32; i++) {
                shown[i] = h[31 - i];
            }
            if (HexFormat.of().formatHex(shown).startsWith("00000000")
                    && HexFormat.of().formatHex(shown).compareTo("00000000ffff" + "0".repeat(52)) <= 0) {
                expected = n;
            }
        }
        assertThat(expected).isEqualTo(GENESIS_NONCE);
        for (NonceSearch.Hasher hasher : NonceSearch.Hasher.values()) {
            NonceSearch.Outcome out = NonceSearch.search(hasher, genesis(0), target, from, to, () -> false);
            assertThat(out.nonce()).as(hasher.name()).isEqualTo(expected);
            assertThat(out.hashes()).isEqualTo(expected - from + 1);
            assertThat(genesis(out.nonce()).hashHex()).isEqualTo(GENESIS_HASH);
        }
    }

    @Test
    void aRangeWithoutTheSolutionFindsNothingAndCountsEveryNonce() {
        NonceSearch.Outcome out = NonceSearch.search(
                genesis(0), MiningTarget.fromBits(0x1d00ffff), GENESIS_NONCE + 1, GENESIS_NONCE + 5000, () -> false);
        assertThat(out.found()).isFalse();
        assertThat(out.hashes()).isEqualTo(5000);
    }

    @Test
    void aCancelledSearchStopsWithinOnePollInterval() {
        NonceSearch.Outcome out =
                NonceSearch.search(genesis(0), MiningTarget.leadingZeros(64), 0, 1_000_000, () -> true);
        assertThat(out.cancelled()).isTrue();
        assertThat(out.hashes()).isEqualTo(NonceSearch.POLL_EVERY);
    }

    @Test
    void compactBitsDecodeAsBitcoinDoes() {
        assertThat(MiningTarget.fromBits(0x1d00ffff).hex()).isEqualTo("00000000ffff" + "0".repeat(52));
        assertThat(MiningTarget.fromBits(0x03123456).hex()).isEqualTo("0".repeat(58) + "123456");
        assertThat(MiningTarget.fromBits(0x02123456).hex()).isEqualTo("0".repeat(60) + "1234");
        assertThat(MiningTarget.bitsProblem(0x1d000000)).contains("zero");
        assertThat(MiningTarget.bitsProblem(0x04923456)).contains("sign");
        assertThat(MiningTarget.bitsProblem(0x23000001)).contains("overflows");
        assertThat(MiningTarget.bitsProblem(0x2100ffff)).isNull();
        assertThatThrownBy(() -> MiningTarget.fromBits(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aZerosTargetIsMetExactlyByHashesShownWithThatManyLeadingZeros() {
        MiningTarget three = MiningTarget.leadingZeros(3);
        assertThat(three.hex()).isEqualTo("000" + "f".repeat(61));
        assertThat(three.isMetBy(HashHex.internal("000" + "f".repeat(61)))).isTrue();
        assertThat(three.isMetBy(HashHex.internal("0010" + "0".repeat(60)))).isFalse();
        assertThat(three.isMetBy(HashHex.internal("0000" + "9".repeat(60)))).isTrue();
        assertThat(MiningTarget.leadingZeros(2).expectedHashes()).isEqualTo(256.0);
    }

    @Test
    void workUnitsCoverEachRoundExactlyOnce() {
        long unit = 1L << 30;
        assertThat(WorkUnit.perRound(unit)).isEqualTo(4);
        assertThat(WorkUnit.rolling(unit, 3)).isEqualTo(new WorkUnit(3, 0, 3L << 30, BlockHeader.MAX_U32));
        assertThat(WorkUnit.rolling(unit, 4)).isEqualTo(new WorkUnit(4, 1, 0, unit - 1));
        long odd = 3_000_000_000L;
        assertThat(WorkUnit.perRound(odd)).isEqualTo(2);
        assertThat(WorkUnit.rolling(odd, 1).to()).isEqualTo(BlockHeader.MAX_U32);
        assertThat(WorkUnit.countInRange(10, 5, 24)).isEqualTo(2);
        assertThat(WorkUnit.countInRange(10, 5, 25)).isEqualTo(3);
        assertThat(WorkUnit.inRange(10, 5, 25, 2)).isEqualTo(new WorkUnit(2, 0, 25, 25));
    }

    @Test
    void theExtraNonceChangesTheMerkleRootDeterministically() {
        byte[] root = HashHex.internal(GENESIS_MERKLE);
        assertThat(ExtraNonce.merkleRoot(root, 0)).isEqualTo(root);
        assertThat(ExtraNonce.merkleRoot(root, 1))
                .isEqualTo(ExtraNonce.merkleRoot(root, 1))
                .isNotEqualTo(root);
        assertThat(ExtraNonce.merkleRoot(root, 2)).isNotEqualTo(ExtraNonce.merkleRoot(root, 1));
    }
}
