/**
 * TCP transport: length-prefixed frames with a maximum size
 * ({@link FrameDecoder}), servers bound to exactly the configured
 * address, outbound {@link PeerLink}s with reconnect backoff and a
 * bounded drop-oldest queue, inbound hand-off to a bounded worker pool, and per-reason
 * {@link DropCounters} with rate-limited logging for hostile input.
 */
package org.bftswarm.consensus.transport;
