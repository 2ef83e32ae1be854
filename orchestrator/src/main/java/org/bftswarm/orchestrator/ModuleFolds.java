package org.bftswarm.orchestrator;

import org.bftswarm.orchestrator.spec.DataSpec;
import org.bftswarm.orchestrator.spec.ShardReduce;

/**
 * Where a data job's reduce by a module function is applied: deterministic and bounded (every
 * replica runs it inside the state machine); a failure throws {@link IllegalStateException} with the
 * reason, which becomes the job's result error.
 */
@FunctionalInterface
interface ModuleFolds {
    ShardReduce.Fold fold(DataSpec data);
}
