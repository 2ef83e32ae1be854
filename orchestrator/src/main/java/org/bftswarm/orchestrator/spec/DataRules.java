package org.bftswarm.orchestrator.spec;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.TreeSet;
import org.bftswarm.wasm.ModuleInspection;
import org.bftswarm.wasm.WasmModuleCheck;

/**
 * The limits of a job's {@link DataSpec}, part of the job-spec rulebook: a WebAssembly job gives
 * {@code wasm_base64} (standard base64, at most {@value #MAX_MODULE_BYTES} bytes decoded, a module
 * {@link WasmModuleCheck} accepts with its entry and reduce function) and a
 * {@code dataset}; a container job gives its image and a {@code dataset} or {@code input} lines;
 * never both, no {@code count} other than {@code shards} (one task per shard; the stored form has both); the data is
 * not empty and its JSON at most
 * {@value #MAX_DATA_JSON_BYTES} bytes; {@code shards} 1 to the element count (and at most
 * {@value JobSpecValidator#MAX_COUNT}); {@code reduce} a built-in or, for a module, the name of one of
 * its functions; {@code entry}, {@code fuel} and {@code memoryPages} only for a module ({@code fuel} at
 * least 1, {@code memoryPages} 1 to 65536); {@code deadlineSeconds} 1 to a week. These caps bound what
 * one ordered operation carries; a node's API may refuse smaller sizes (413) by its configuration. They
 * are 1 MiB each because every byte is ordered: a request travels whole in the pre-prepare, in every
 * view-change certificate that holds it and in the NEW-VIEW that carries those (a 2 MB request was
 * seen to keep over 100 MB live on each replica through one view change).
 */
public final class DataRules {
    public static final int MAX_MODULE_BYTES = 1 << 20;
    public static final int MAX_DATA_JSON_BYTES = 1 << 20;
    public static final int MAX_MEMORY_PAGES = 65536;
    public static final long MAX_FUEL = 1L << 50;

    private DataRules() {}

    static void check(JobSpec spec, List<String> errors) {
        DataSpec d = spec.data();
        boolean wasm = d.isWasm();
        if (spec.count() != null && !spec.count().equals(d.shards())) {
            errors.add("count: a job over a dataset runs one task per shard; set shards instead");
        }
        if (wasm) {
            checkModule(d.wasmBase64(), d.entry(), d.reduce(), errors);
            if (d.input() != null) {
                errors.add("input: a WebAssembly job reads integers from dataset, not input lines");
            }
            if (d.dataset() == null) {
                errors.add("dataset: is required with wasm_base64");
            }
        } else {
            if (d.dataset() != null && d.input() != null) {
                errors.add("input: give dataset or input, not both");
            }
            if (d.dataset() == null && d.input() == null) {
                errors.add("dataset: is required (or input)");
            }
            if (d.entry() != null) {
                errors.add("entry: only a WebAssembly job has an entry function");
            }
            if (d.fuel() != null) {
                errors.add("fuel: only a WebAssembly job is metered by fuel");
            }
            if (d.memoryPages() != null) {
                errors.add("memoryPages: only a WebAssembly job has linear memory");
            }
        }
        checkElements(d, errors);
        int elements = d.elementCount();
        if (d.shards() != null && (d.shards() < 1 || d.shards() > JobSpecValidator.MAX_COUNT)) {
            errors.add("shards: must be between 1 and " + JobSpecValidator.MAX_COUNT + " (got " + d.shards() + ")");
        } else if (d.shards() != null && elements > 0 && d.shards() > elements) {
            errors.add("shards: at most one per element, the data has " + elements + " (got " + d.shards() + ")");
        }
        checkReduce(d.reduce(), wasm, errors);
        if (d.entry() != null && !ShardReduce.FUNCTION_NAME.matcher(d.entry()).matches()) {
            errors.add("entry: must be a function name matching " + ShardReduce.FUNCTION_NAME.pattern());
        }
        if (d.fuel() != null && (d.fuel() < 1 || d.fuel() > MAX_FUEL)) {
            errors.add("fuel: must be between 1 and " + MAX_FUEL + " (got " + d.fuel() + ")");
        }
        if (d.memoryPages() != null && (d.memoryPages() < 1 || d.memoryPages() > MAX_MEMORY_PAGES)) {
            errors.add("memoryPages: must be between 1 and " + MAX_MEMORY_PAGES + " (got " + d.memoryPages() + ")");
        }
        if (d.deadlineSeconds() != null
                && (d.deadlineSeconds() < 1 || d.deadlineSeconds() > JobSpecValidator.MAX_TIMEOUT_SECONDS)) {
            errors.add("deadlineSeconds: must be between 1 and " + JobSpecValidator.MAX_TIMEOUT_SECONDS + " (got "
                    + d.deadlineSeconds() + ")");
        }
    }

    /** The size problem of a job's module or data against {@code maxModuleBytes}/{@code maxDataBytes}, or null. */
    public static String oversize(JobSpec spec, long maxModuleBytes, long maxDataBytes) {
        DataSpec d = spec.data();
        if (d == null) {
            return null;
        }
        if (d.wasmBase64() != null) {
            long moduleBytes = decodedLength(d.wasmBase64());
            if (moduleBytes > maxModuleBytes) {
                return "wasm_base64: the module is " + moduleBytes + " bytes, more than the limit of " + maxModuleBytes;
            }
        }
        long json = dataJsonBytes(d);
        if (json > maxDataBytes) {
            String field = d.dataset() != null ? "dataset" : "input";
            return field + ": " + json + " bytes of JSON, more than the limit of " + maxDataBytes;
        }
        return null;
    }

    /** Bytes of the data's JSON array (dataset numbers or input strings, before escaping). */
    static long dataJsonBytes(DataSpec d) {
        long bytes = 2;
        if (d.dataset() != null) {
            for (long v : d.dataset()) {
                bytes += decimalLength(v) + 1;
            }
        }
        if (d.input() != null) {
            for (String line : d.input()) {
                bytes += (line == null ? 4 : line.getBytes(StandardCharsets.UTF_8).length + 2) + 1;
            }
        }
        return bytes;
    }

    /** Characters of {@code v} in decimal, sign included. */
    static int decimalLength(long v) {
        if (v == Long.MIN_VALUE) {
            return 20;
        }
        int digits = 1;
        for (long m = Math.abs(v); m >= 10; m /= 10) {
            digits++;
        }
        return v < 0 ? digits + 1 : digits;
    }

    private static void checkModule(String base64, String entry, String reduce, List<String> errors) {
        if (base64.isEmpty()) {
            errors.add("wasm_base64: must not be empty");
            return;
        }
        if (decodedLength(base64) > MAX_MODULE_BYTES) {
            errors.add("wasm_base64: the module may be at most " + MAX_MODULE_BYTES + " bytes");
            return;
        }
        byte[] module;
        try {
            module = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            errors.add("wasm_base64: not valid base64 (" + e.getMessage() + ")");
            return;
        }
        if (WasmModuleCheck.inspect(module, entry, ShardReduce.isFunction(reduce) ? reduce : null)
                instanceof ModuleInspection.Rejected rejected) {
            errors.addAll(rejected.errors());
        }
    }

    private static void checkElements(DataSpec d, List<String> errors) {
        if (d.dataset() == null && d.input() == null) {
            return;
        }
        String field = d.dataset() != null ? "dataset" : "input";
        if (d.elementCount() == 0) {
            errors.add(field + ": must not be empty");
            return;
        }
        if (dataJsonBytes(d) > MAX_DATA_JSON_BYTES) {
            errors.add(field + ": at most " + MAX_DATA_JSON_BYTES + " bytes of JSON");
            return;
        }
        if (d.input() == null) {
            return;
        }
        for (int i = 0; i < d.input().size(); i++) {
            String line = d.input().get(i);
            if (line == null) {
                errors.add("input[" + i + "]: must not be null");
                return;
            }
            if (line.indexOf('\n') >= 0 || line.indexOf('\0') >= 0) {
                errors.add("input[" + i + "]: one line without newline or NUL");
                return;
            }
        }
    }

    private static void checkReduce(String reduce, boolean wasm, List<String> errors) {
        if (reduce == null || ShardReduce.BUILT_IN.contains(reduce)) {
            return;
        }
        if (!wasm) {
            errors.add("reduce: must be one of " + new TreeSet<>(ShardReduce.BUILT_IN) + " (got \"" + reduce
                    + "\"); a function name needs a WebAssembly module");
        } else if (!ShardReduce.FUNCTION_NAME.matcher(reduce).matches()) {
            errors.add("reduce: a built-in " + new TreeSet<>(ShardReduce.BUILT_IN) + " or a function name matching "
                    + ShardReduce.FUNCTION_NAME.pattern());
        }
    }

    private static long decodedLength(String base64) {
        return (long) base64.length() * 3 / 4;
    }
}
