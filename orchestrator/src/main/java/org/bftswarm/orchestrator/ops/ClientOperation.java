package org.bftswarm.orchestrator.ops;

/**
 * An operation signed end to end by a user's client key: client {@code client} asks for
 * {@code operation} (a SubmitJob or CancelJob) as its request {@code requestNumber}, and
 * {@code signature} (hex) is its Ed25519 signature over {@link ClientSigning#signedBytes}. The node
 * that receives it forwards it unchanged; every replica verifies the signature, the client's role
 * and that the request number was never used before, when it executes the operation. So an entry
 * node can drop a client's operation, but not alter, replay or invent one.
 */
public record ClientOperation(String client, long requestNumber, Operation operation, String signature)
        implements Operation {}
