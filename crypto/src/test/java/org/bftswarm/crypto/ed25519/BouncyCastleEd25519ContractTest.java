package org.bftswarm.crypto.ed25519;

/** The provider contract for Bouncy Castle. */
class BouncyCastleEd25519ContractTest extends Ed25519ProviderContract {
    @Override
    Ed25519Provider provider() {
        return Ed25519Providers.bouncyCastle();
    }
}
