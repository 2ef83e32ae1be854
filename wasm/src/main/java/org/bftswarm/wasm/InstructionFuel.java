package org.bftswarm.wasm;

import com.dylibso.chicory.runtime.ExecutionListener;
import com.dylibso.chicory.runtime.MStack;
import com.dylibso.chicory.wasm.types.Instruction;

/**
 * Exact, deterministic metering for the interpreter: Chicory calls the listener once before every instruction it
 * executes, so at most {@code fuel} instructions run and the next one ends the run with
 * {@link FailureKind#FUEL_EXHAUSTED}. The same module, arguments and fuel stop at the same instruction on every
 * machine.
 */
final class InstructionFuel implements ExecutionListener {
    private final long fuel;
    private long used;

    InstructionFuel(long fuel) {
        this.fuel = fuel;
    }

    @Override
    public void onExecution(Instruction instruction, MStack stack) {
        if (++used > fuel) {
            used = fuel;
            throw new LimitExceeded(
                    FailureKind.FUEL_EXHAUSTED, "executed all " + fuel + " instructions of fuel without returning");
        }
    }

    long used() {
        return used;
    }
}
