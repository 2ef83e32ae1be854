package org.bftswarm.wasm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WasmModuleCheckTest {

    private static ModuleInspection.Rejected rejected(byte[] module, String entry, String reduce) {
        ModuleInspection inspection = WasmModuleCheck.inspect(module, entry, reduce);
        assertThat(inspection).isInstanceOf(ModuleInspection.Rejected.class);
        return (ModuleInspection.Rejected) inspection;
    }

    private static InspectedModule accepted(byte[] module, String entry, String reduce) {
        ModuleInspection inspection = WasmModuleCheck.inspect(module, entry, reduce);
        assertThat(inspection).isInstanceOf(ModuleInspection.Accepted.class);
        return ((ModuleInspection.Accepted) inspection).module();
    }

    @Test
    void theOnlyExportOfEntryTypeIsTheEntryWhateverItsNameIgnoringAllocAndReduce() {
        byte[] module = Wat.wasm("""
                (module (memory 1)
                  (func (export "alloc") (param i32) (result i32) (i32.const 64))
                  (func (export "max") (param i32 i32) (result i32) (local.get 0))
                  (func (export "helper") (param i32) (result i32) (local.get 0))
                  (func (export "whatever") (param i32 i32) (result i64) (i64.const 7)))
                """);
        InspectedModule inspected = accepted(module, null, "max");
        assertThat(inspected.entry()).isEqualTo("whatever");
        assertThat(inspected.entryReturnsI64()).isTrue();
        assertThat(inspected.hasAlloc()).isTrue();
        assertThat(inspected.reduceFunction()).isEqualTo("max");
        assertThat(inspected.reduceI64()).isFalse();
    }

    @Test
    void twoEntryCandidatesAreAnErrorNamingBoth() {
        byte[] module = Wat.wasm("""
                (module (memory 1)
                  (func (export "b") (param i32 i32) (result i64) (i64.const 0))
                  (func (export "a") (param i32 i32) (result i32) (i32.const 0)))
                """);
        assertThat(rejected(module, null, null).errors())
                .containsExactly("entry: the module exports 2 functions of type (i32,i32)->i32/i64 (a, b); name one");
        assertThat(accepted(module, "b", null).entry()).isEqualTo("b");
    }

    @Test
    void aNamedEntryMustExistAndHaveTheEntryType() {
        byte[] module = Wat.wasm("(module (memory 1) (func (export \"foo\") (param i32) (result i32) (local.get 0)))");
        assertThat(rejected(module, "foo", null).errors())
                .containsExactly(
                        "entry: \"foo\" has type (i32) -> i32; it must be (i32, i32) -> i32 or (i32, i32) -> i64");
        assertThat(rejected(module, "bar", null).errors()).containsExactly("entry: no exported function \"bar\"");
        assertThat(rejected(module, null, null).errors())
                .containsExactly(
                        "entry: the module exports no function of type (i32, i32) -> i32 or (i32, i32) -> i64");
    }

    @Test
    void aNamedReduceFunctionMustBeExportedWithABinaryType() {
        assertThat(rejected(Wat.SUM_I32, null, "combine").errors())
                .containsExactly(
                        "reduce: no exported function \"combine\" of type (i64, i64) -> i64 or (i32, i32) -> i32");
        assertThat(rejected(Wat.SUM_I64, null, "sum64").errors())
                .contains("reduce: \"sum64\" has type (i32, i32) -> i64; it must be (i64, i64) -> i64 or"
                        + " (i32, i32) -> i32");
    }

    @Test
    void everyImportIsRefusedByItsModuleAndName() {
        byte[] module = Wat.wasm("""
                (module
                  (import "env" "log" (func (param i32)))
                  (import "env" "mem" (memory 1))
                  (import "host" "g" (global i32))
                  (func (export "run") (param i32 i32) (result i32) (i32.const 0)))
                """);
        assertThat(rejected(module, null, null).errors())
                .containsExactly(
                        "wasm_base64: imports env.log; modules may import nothing",
                        "wasm_base64: imports env.mem; modules may import nothing",
                        "wasm_base64: imports host.g; modules may import nothing");
    }

    @Test
    void garbageIsNotAModuleAndTheErrorGivesChicorysReasonAndTheOffset() {
        assertThat(rejected(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, null, null).errors())
                .singleElement()
                .asString()
                .startsWith("wasm_base64: not a WebAssembly module: ")
                .contains("magic header not detected")
                .endsWith("(at byte offset 0)");
        byte[] typeSectionTooShort = {0, 'a', 's', 'm', 1, 0, 0, 0, 1, 5, 1, 0x60, 9};
        assertThat(rejected(typeSectionTooShort, null, null).errors())
                .singleElement()
                .asString()
                .startsWith("wasm_base64: not a WebAssembly module: ")
                .endsWith("(at byte offset 8)");
    }

    @Test
    void aModuleWithoutMemoryCannotHoldAShard() {
        byte[] module = Wat.wasm("(module (func (export \"run\") (param i32 i32) (result i32) (i32.const 0)))");
        assertThat(rejected(module, null, null).errors())
                .containsExactly("wasm_base64: the module has no memory to hold the shard; it must define one");
    }

    @Test
    void dataSegmentsAreDescribedByTheirSpan() {
        byte[] module = Wat.wasm("(module (memory 1) (data (i32.const 100) \"abc\") (data (i32.const 10) \"xy\") "
                + Wat.SUM_I32_BODY + ")");
        InspectedModule inspected = accepted(module, null, null);
        assertThat(inspected.dataSegmentsStart()).isEqualTo(10);
        assertThat(inspected.dataSegmentsEnd()).isEqualTo(103);
    }
}
