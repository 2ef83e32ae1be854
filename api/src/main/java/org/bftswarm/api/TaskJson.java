package org.bftswarm.api;

/**
 * One task of a job in the API's JSON: {@code {id,node,state,attempt,exitCode,output}}.
 *
 * @param id       task id
 * @param node     node the current attempt is placed on, or null while unplaced
 * @param state    the scheduler's task state name (e.g. PENDING, RUNNING, SUCCEEDED, FAILED)
 * @param attempt  attempt number of the current placement (1-based)
 * @param exitCode exit code of the accepted result, or null while unfinished
 * @param output   bounded output of the accepted result, or null while unfinished
 */
public record TaskJson(String id, Integer node, String state, int attempt, Integer exitCode, String output) {}
