/**
 * The replica's durable log, the core's {@code DurableStore}: one commit per group of outboxes, durable
 * before their messages leave. {@link org.bftswarm.consensus.storage.JournalReplicaLog} (the default)
 * appends the view and the live slots to an append-only, CRC-framed
 * {@link org.bftswarm.consensus.storage.RecordJournal} and keeps the stable checkpoint in a
 * {@link org.bftswarm.consensus.storage.MapDbStore} (a transactional table store; a process killed with
 * SIGKILL reopens at its last commit); {@link org.bftswarm.consensus.storage.MapDbReplicaLog} keeps
 * everything in MapDB transactions, kept to compare. {@link org.bftswarm.consensus.storage.ReplicaLogKind}
 * chooses one.
 */
package org.bftswarm.consensus.storage;
