package org.bftswarm.wasm;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import java.util.function.Function;

/** A parsed, validated module and, once asked for, its compiled machine factory (reusable by every instance). */
final class PreparedModule {
    private final WasmModule module;
    private Function<Instance, Machine> compiled;

    PreparedModule(WasmModule module) {
        this.module = module;
    }

    WasmModule module() {
        return module;
    }

    /** Compiles the module to JVM bytecode the first time; a function too large to compile stays interpreted. */
    synchronized Function<Instance, Machine> compiled() {
        if (compiled == null) {
            compiled = MachineFactoryCompiler.builder(module)
                    .withInterpreterFallback(InterpreterFallback.SILENT)
                    .compile();
        }
        return compiled;
    }
}
