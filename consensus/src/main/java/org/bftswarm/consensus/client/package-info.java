/**
 * The client, in the shape of BFT-SMaRt's {@code ServiceProxy}:
 * {@link org.bftswarm.consensus.client.ServiceProxy} (sync and async invoke over the core's pure
 * {@code ClientCore}), {@link org.bftswarm.consensus.client.ClientNetwork} (one link per replica,
 * shared by any number of proxies) and {@link org.bftswarm.consensus.client.ReplyChannel} (replies
 * authenticated by an HMAC key agreed with each replica through a signed X25519 handshake).
 */
package org.bftswarm.consensus.client;
