package org.bftswarm.deploy.launcher;

/**
 * One line of the node tables printed by {@code up} and {@code status}.
 *
 * @param id           node id
 * @param pid          process id, or null when not running
 * @param apiUrl       base URL of its API
 * @param state        process state word: running, paused, down
 * @param lastExecuted last executed sequence, or null when its API did not answer
 * @param view         the view it is in, or null when its API did not answer
 */
public record NodeRow(int id, Long pid, String apiUrl, String state, Long lastExecuted, Long view) {}
