package org.bftswarm.consensus.codec;

/**
 * A signed message whose signature and every embedded signature (batched requests, certificates)
 * were checked by an {@link InboundVerifier}, and whose sender role fits its type. Only the
 * verifier can make one: this type is the core's trust boundary (see CORE-API.md).
 */
public final class Verified {
    private final Signed signed;

    Verified(Signed signed) {
        this.signed = signed;
    }

    public Signed signed() {
        return signed;
    }

    public int sender() {
        return signed.sender();
    }

    public Message body() {
        return signed.body();
    }

    @Override
    public String toString() {
        return "Verified[" + signed + "]";
    }
}
