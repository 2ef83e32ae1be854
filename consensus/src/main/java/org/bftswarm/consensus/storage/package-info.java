/**
 * The durable log in MapDB (issue 3, item 3): {@link MapDbStore} is a
 * transactional table store ({@code transactionEnable}; a process killed with SIGKILL reopens at its
 * last commit) and {@link MapDbReplicaLog} implements the core's
 * {@code DurableStore} on it: one transaction per group of outboxes, committed before their messages leave.
 */
package org.bftswarm.consensus.storage;
