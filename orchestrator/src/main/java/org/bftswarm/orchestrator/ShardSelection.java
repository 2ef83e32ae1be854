package org.bftswarm.orchestrator;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Which shards of a data job, every one of them accepted, its reduction folds, given the shard count:
 * {@link #ALL}, each once in index order, is the rule. The scheduler simulation alone passes another, a
 * reduction that loses a shard, to prove that its result checker catches one.
 */
@FunctionalInterface
public interface ShardSelection {
    /** Every shard, in index order. */
    ShardSelection ALL = count -> IntStream.range(0, count).boxed().toList();

    /** The indexes (each below {@code shardCount}) folded, in fold order. */
    List<Integer> indexes(int shardCount);
}
