package org.bftswarm.wasm;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.InterpreterMachine;
import com.dylibso.chicory.runtime.MStack;
import com.dylibso.chicory.runtime.StackFrame;
import com.dylibso.chicory.wasm.types.FunctionType;
import java.util.Deque;

/**
 * Chicory's interpreter with a fixed bound on the WebAssembly call depth, so that deep recursion traps at the same
 * depth on every machine (a Java stack overflow happens at a depth that depends on the JVM, its JIT state and the
 * thread's stack size). The bound is checked on each call; metered runs use threads whose stack holds it.
 */
final class DepthBoundedInterpreter extends InterpreterMachine {
    static final int MAX_CALL_DEPTH = 10_000;

    DepthBoundedInterpreter(Instance instance) {
        super(instance);
    }

    @Override
    protected long[] call(
            MStack stack,
            Instance instance,
            Deque<StackFrame> callStack,
            int funcId,
            long[] args,
            FunctionType callType,
            boolean popResults) {
        if (callStack.size() >= MAX_CALL_DEPTH) {
            throw new LimitExceeded(FailureKind.TRAP, "call stack exhausted");
        }
        return super.call(stack, instance, callStack, funcId, args, callType, popResults);
    }
}
