package org.bftswarm.orchestrator.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * The data-parallel part of a job: a dataset cut into {@code shards} contiguous slices, one task per
 * slice, each run by a WebAssembly module ({@code wasm_base64}) or by the job's image (the slice on
 * stdin), and the shard results folded by {@code reduce} once every shard is accepted. Elements are
 * integers ({@code dataset}) or text lines ({@code input}, container jobs only).
 *
 * <p>Fields are nullable as they arrive; {@link #normalized} fills the defaults except
 * {@code shards}, which the scheduler resolves when it orders the job (the nodes up then, never more
 * than the elements). {@link JobSpecValidator} holds every limit.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DataSpec(
        @JsonProperty("wasm_base64") String wasmBase64,
        long[] dataset,
        List<String> input,
        Integer shards,
        String reduce,
        String entry,
        Integer deadlineSeconds,
        Long fuel,
        Integer memoryPages) {

    public static final String DEFAULT_REDUCE = ShardReduce.SUM;
    /** 256 pages of 64 KiB: 16 MiB of linear memory. */
    public static final int DEFAULT_MEMORY_PAGES = 256;

    /** A WebAssembly job over {@code values} with every option at its default. */
    public static DataSpec wasm(byte[] module, List<Long> values) {
        return new DataSpec(
                Base64.getEncoder().encodeToString(module), toArray(values), null, null, null, null, null, null, null);
    }

    /** The values as the array a dataset is held in. */
    public static long[] toArray(List<Long> values) {
        return values == null
                ? null
                : values.stream().mapToLong(Long::longValue).toArray();
    }

    /** Whether the shards run a WebAssembly module (else the job's image). */
    @JsonIgnore
    public boolean isWasm() {
        return wasmBase64 != null;
    }

    /** How many elements the job's data holds (dataset or input lines). */
    @JsonIgnore
    public int elementCount() {
        return dataset != null ? dataset.length : input == null ? 0 : input.size();
    }

    /** The module's bytes; only on a spec the validator accepted. */
    @JsonIgnore
    public byte[] moduleBytes() {
        return Base64.getDecoder().decode(wasmBase64);
    }

    /** Whether every element of the dataset fits a signed 32-bit integer (the shard layout is then i32). */
    @JsonIgnore
    public boolean fitsI32() {
        if (dataset == null) {
            return true;
        }
        for (long v : dataset) {
            if (v != (int) v) {
                return false;
            }
        }
        return true;
    }

    /** Shard {@code index}'s slice of a job cut into {@code shardCount} shards. */
    public ShardRange range(int shardCount, int index) {
        return ShardRange.of(elementCount(), shardCount, index);
    }

    /** The dataset elements of {@code range}. */
    public long[] values(ShardRange range) {
        return Arrays.copyOfRange(dataset, range.start(), range.end());
    }

    /** What a container shard reads on stdin: its elements (numbers or input lines), one per line. */
    public byte[] stdin(ShardRange range) {
        StringBuilder b = new StringBuilder();
        for (int i = range.start(); i < range.end(); i++) {
            b.append(dataset != null ? String.valueOf(dataset[i]) : input.get(i))
                    .append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Defaults filled (reduce, memory pages), lists copied; {@code shards} stays as given. */
    public DataSpec normalized() {
        return new DataSpec(
                wasmBase64,
                dataset == null ? null : dataset.clone(),
                input == null ? null : List.copyOf(input),
                shards,
                reduce == null ? DEFAULT_REDUCE : reduce,
                entry,
                deadlineSeconds,
                fuel,
                memoryPages == null && isWasm() ? Integer.valueOf(DEFAULT_MEMORY_PAGES) : memoryPages);
    }

    /** The same data with {@code count} shards. */
    public DataSpec withShards(int count) {
        return new DataSpec(wasmBase64, dataset, input, count, reduce, entry, deadlineSeconds, fuel, memoryPages);
    }

    /**
     * The dataset, shared and not copied (it may hold a million elements, read on every replica):
     * callers must not modify it.
     */
    @Override
    public long[] dataset() {
        return dataset;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataSpec d
                && Objects.equals(wasmBase64, d.wasmBase64)
                && Arrays.equals(dataset, d.dataset)
                && Objects.equals(input, d.input)
                && Objects.equals(shards, d.shards)
                && Objects.equals(reduce, d.reduce)
                && Objects.equals(entry, d.entry)
                && Objects.equals(deadlineSeconds, d.deadlineSeconds)
                && Objects.equals(fuel, d.fuel)
                && Objects.equals(memoryPages, d.memoryPages);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                wasmBase64, Arrays.hashCode(dataset), input, shards, reduce, entry, deadlineSeconds, fuel, memoryPages);
    }

    @Override
    public String toString() {
        return "DataSpec[" + (isWasm() ? "wasm " + wasmBase64.length() + " base64 chars, " : "")
                + (dataset != null ? dataset.length + " values" : input == null ? "no data" : input.size() + " lines")
                + ", shards=" + shards + ", reduce=" + reduce + ", entry=" + entry + ", deadlineSeconds="
                + deadlineSeconds + ", fuel=" + fuel + ", memoryPages=" + memoryPages + "]";
    }

    /** The same data with another entry function. */
    public DataSpec withEntry(String function) {
        return new DataSpec(wasmBase64, dataset, input, shards, reduce, function, deadlineSeconds, fuel, memoryPages);
    }
}
