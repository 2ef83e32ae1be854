package org.bftswarm.api;

import java.util.List;

/**
 * One shard of a data job in the API's JSON: its index, the element range {@code [start, end)} it
 * holds, the node of its latest run, its accepted result (the output, once it ended) and its state.
 */
public record ShardJson(int index, List<Integer> range, Integer node, String result, String state) {
    public ShardJson {
        range = List.copyOf(range);
    }
}
