/**
 * The client, in the shape of BFT-SMaRt's {@code ServiceProxy}:
 * {@link ServiceProxy} (sync and async invoke over the core's pure
 * {@code ClientCore}), {@link ClientNetwork} (one link per replica,
 * shared by any number of proxies) and {@link ReplyChannel} (replies
 * authenticated by an HMAC key agreed with each replica through a signed X25519 handshake).
 */
package org.bftswarm.consensus.client;
