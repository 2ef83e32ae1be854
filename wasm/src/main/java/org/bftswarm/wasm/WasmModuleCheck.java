package org.bftswarm.wasm;

import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ActiveDataSegment;
import com.dylibso.chicory.wasm.types.DataSegment;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.Instruction;
import com.dylibso.chicory.wasm.types.OpCode;
import com.dylibso.chicory.wasm.types.ValType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The one gate a data job's WebAssembly passes before any shard runs. It never executes the module.
 *
 * <p>Rules, each error naming the job-spec field it concerns:
 *
 * <ul>
 *   <li>{@code wasm_base64}: the bytes parse and validate as a WebAssembly module (else Chicory's error and the
 *       offset it fails at); the module imports nothing, no function, memory, table or global (each import is
 *       refused by its {@code module.name}); it has a memory to hold the shard; its active data segments sit at
 *       constant offsets; an exported {@code alloc} has type (i32) -> i32.
 *   <li>{@code entry}: the named export is a function of type (i32, i32) -> i32 or (i32, i32) -> i64. With no name,
 *       the module's only exported function of such a type, whatever its name, is the entry ({@code alloc} and the
 *       reduce function are not candidates); none or several is an error naming them.
 *   <li>{@code reduce}: a named reduce function is exported with type (i64, i64) -> i64 or (i32, i32) -> i32; no
 *       name means the built-in reduce and nothing is checked.
 * </ul>
 */
public final class WasmModuleCheck {
    static final String ALLOC = "alloc";

    private WasmModuleCheck() {}

    public static ModuleInspection inspect(byte[] module, String entry, String reduceFunction) {
        WasmModule parsed;
        try {
            parsed = parse(module);
        } catch (ChicoryException e) {
            return new ModuleInspection.Rejected(List.of("wasm_base64: " + e.getMessage()));
        }
        List<String> errors = new ArrayList<>();
        importErrors(parsed).forEach(errors::add);
        boolean definesMemory = parsed.memorySection().map(s -> s.memoryCount()).orElse(0) > 0;
        if (!definesMemory && parsed.importSection().count(ExternalType.MEMORY) == 0) {
            errors.add("wasm_base64: the module has no memory to hold the shard; it must define one");
        }
        long[] span = dataSegmentSpan(parsed, errors);
        Map<String, FunctionType> functions = exportedFunctions(parsed);
        FunctionType alloc = functions.get(ALLOC);
        if (alloc != null && !alloc.equals(FunctionType.of(List.of(ValType.I32), List.of(ValType.I32)))) {
            errors.add("wasm_base64: \"alloc\" has type " + describe(alloc) + "; it must be (i32) -> i32");
        }
        Optional<String> chosenEntry = chooseEntry(functions, entry, reduceFunction, errors);
        boolean reduceI64 = reduceFunction != null && checkReduce(functions, reduceFunction, errors);
        if (!errors.isEmpty() || chosenEntry.isEmpty()) {
            return new ModuleInspection.Rejected(errors);
        }
        boolean entryI64 = functions.get(chosenEntry.get()).returns().get(0).equals(ValType.I64);
        return new ModuleInspection.Accepted(new InspectedModule(
                chosenEntry.get(), entryI64, alloc != null, reduceFunction, reduceI64, span[0], span[1]));
    }

    /** Parses and validates {@code module}; a failure's message carries Chicory's reason and the byte offset. */
    static WasmModule parse(byte[] module) {
        try {
            return Parser.parse(module);
        } catch (ChicoryException e) {
            throw new ChicoryException("not a WebAssembly module: " + e.getMessage() + " (at byte offset "
                    + ParseErrorLocator.offsetOfFailure(module) + ")");
        }
    }

    static List<String> importErrors(WasmModule module) {
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < module.importSection().importCount(); i++) {
            Import imp = module.importSection().getImport(i);
            errors.add("wasm_base64: imports " + imp.module() + "." + imp.name() + "; modules may import nothing");
        }
        return errors;
    }

    /** Every exported function by name, in name order. */
    static Map<String, FunctionType> exportedFunctions(WasmModule module) {
        Map<String, FunctionType> out = new TreeMap<>();
        int imported = module.importSection().count(ExternalType.FUNCTION);
        for (int i = 0; i < module.exportSection().exportCount(); i++) {
            Export e = module.exportSection().getExport(i);
            if (e.exportType() == ExternalType.FUNCTION && e.index() >= imported) {
                int typeIndex = module.functionSection().getFunctionType(e.index() - imported);
                out.put(e.name(), module.typeSection().getType(typeIndex));
            }
        }
        return out;
    }

    /**
     * The reduce rule for one function: null when {@code name} is exported as (i64, i64) -> i64 or (i32, i32) ->
     * i32, else the error (without its field prefix).
     */
    static String reduceError(Map<String, FunctionType> functions, String name) {
        FunctionType type = functions.get(name);
        if (type == null) {
            return "no exported function \"" + name + "\" of type (i64, i64) -> i64 or (i32, i32) -> i32";
        }
        if (!isBinary(type, ValType.I64) && !isBinary(type, ValType.I32)) {
            return "\"" + name + "\" has type " + describe(type)
                    + "; it must be (i64, i64) -> i64 or (i32, i32) -> i32";
        }
        return null;
    }

    static boolean isBinary(FunctionType type, ValType t) {
        return type.equals(FunctionType.of(List.of(t, t), List.of(t)));
    }

    /** A function type as the error messages spell it: {@code (i32, i32) -> i64}. */
    static String describe(FunctionType type) {
        String params = type.params().stream().map(WasmModuleCheck::name).collect(Collectors.joining(", "));
        String returns = type.returns().isEmpty()
                ? "()"
                : type.returns().stream().map(WasmModuleCheck::name).collect(Collectors.joining(", "));
        return "(" + params + ") -> " + returns;
    }

    private static String name(ValType t) {
        return t.name().toLowerCase(Locale.ROOT);
    }

    private static boolean isEntryType(FunctionType type) {
        return type.params().equals(List.of(ValType.I32, ValType.I32))
                && (type.returns().equals(List.of(ValType.I32))
                        || type.returns().equals(List.of(ValType.I64)));
    }

    private static Optional<String> chooseEntry(
            Map<String, FunctionType> functions, String entry, String reduceFunction, List<String> errors) {
        if (entry != null) {
            FunctionType type = functions.get(entry);
            if (type == null) {
                errors.add("entry: no exported function \"" + entry + "\"");
                return Optional.empty();
            }
            if (!isEntryType(type)) {
                errors.add("entry: \"" + entry + "\" has type " + describe(type)
                        + "; it must be (i32, i32) -> i32 or (i32, i32) -> i64");
                return Optional.empty();
            }
            return Optional.of(entry);
        }
        List<String> candidates = functions.entrySet().stream()
                .filter(e -> !e.getKey().equals(ALLOC) && !e.getKey().equals(reduceFunction))
                .filter(e -> isEntryType(e.getValue()))
                .map(Map.Entry::getKey)
                .toList();
        if (candidates.size() == 1) {
            return Optional.of(candidates.get(0));
        }
        if (candidates.isEmpty()) {
            errors.add("entry: the module exports no function of type (i32, i32) -> i32 or (i32, i32) -> i64");
        } else {
            errors.add("entry: the module exports " + candidates.size() + " functions of type (i32,i32)->i32/i64 ("
                    + String.join(", ", candidates) + "); name one");
        }
        return Optional.empty();
    }

    /** Adds the reduce error if any; returns whether the reduce function is the i64 one. */
    private static boolean checkReduce(Map<String, FunctionType> functions, String name, List<String> errors) {
        String error = reduceError(functions, name);
        if (error != null) {
            errors.add("reduce: " + error);
            return false;
        }
        return isBinary(functions.get(name), ValType.I64);
    }

    /** {lowest start, highest end} of the active, non-empty data segments of memory 0. */
    private static long[] dataSegmentSpan(WasmModule module, List<String> errors) {
        long start = Long.MAX_VALUE;
        long end = 0;
        for (DataSegment segment : module.dataSection().dataSegments()) {
            if (!(segment instanceof ActiveDataSegment active) || segment.data().length == 0) {
                continue;
            }
            List<Instruction> offset = active.offsetInstructions();
            Instruction first = offset.isEmpty() ? null : offset.get(0);
            boolean constant = first != null
                    && first.opcode() == OpCode.I32_CONST
                    && (offset.size() == 1
                            || offset.size() == 2 && offset.get(1).opcode() == OpCode.END);
            if (!constant) {
                errors.add("wasm_base64: a data segment's offset is not an i32.const; it must be one");
                continue;
            }
            long at = Integer.toUnsignedLong((int) first.operand(0));
            start = Math.min(start, at);
            end = Math.max(end, at + segment.data().length);
        }
        return new long[] {start, end};
    }
}
