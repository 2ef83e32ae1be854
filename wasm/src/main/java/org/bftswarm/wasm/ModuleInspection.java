package org.bftswarm.wasm;

import java.util.List;

/** The verdict of {@link WasmModuleCheck#inspect}: an accepted module's description, or every error found. */
public sealed interface ModuleInspection {

    record Accepted(InspectedModule module) implements ModuleInspection {}

    /** Each error starts with the job-spec field it concerns: {@code wasm_base64}, {@code entry}, {@code reduce}. */
    record Rejected(List<String> errors) implements ModuleInspection {
        public Rejected {
            errors = List.copyOf(errors);
        }
    }

    default boolean accepted() {
        return this instanceof Accepted;
    }
}
