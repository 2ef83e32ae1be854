/**
 * The replica's durable log, the core's {@code DurableStore}: one commit per group of outboxes, durable
 * before their messages leave. {@link JournalReplicaLog} (the default)
 * appends the view and the live slots to an append-only, CRC-framed
 * {@link RecordJournal} and keeps the stable checkpoint in a
 * {@link MapDbStore} (a transactional table store; a process killed with
 * SIGKILL reopens at its last commit); {@link MapDbReplicaLog} keeps
 * everything in MapDB transactions, kept to compare. {@link ReplicaLogKind}
 * chooses one.
 */
package org.bftswarm.consensus.storage;
