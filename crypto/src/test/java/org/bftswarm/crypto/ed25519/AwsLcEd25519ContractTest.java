package org.bftswarm.crypto.ed25519;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The provider contract for AWS-LC; fails (never skips) where the native library does not load. */
class AwsLcEd25519ContractTest extends Ed25519ProviderContract {
    @Override
    Ed25519Provider provider() {
        return Verdicts.awsLc();
    }

    @Test
    void nativeProviderLoadsAndIsTheDefault() {
        assertThat(provider().name()).isEqualTo("aws-lc");
        if (System.getProperty(Ed25519Providers.PROPERTY) == null) {
            assertThat(Ed25519Providers.activeName()).isEqualTo("aws-lc");
        }
    }
}
