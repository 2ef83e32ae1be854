;; The compute mesh's example module: sums a shard of i32 elements laid out at (ptr, len).
;; `larger` is a reduce function: submit with "reduce": "larger" to keep the largest shard sum.
(module
  (memory 1)
  (func (export "sum") (param $ptr i32) (param $len i32) (result i64) (local $acc i64)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $len)))
        (local.set $acc (i64.add (local.get $acc) (i64.extend_i32_s (i32.load (local.get $ptr)))))
        (local.set $ptr (i32.add (local.get $ptr) (i32.const 4)))
        (local.set $len (i32.sub (local.get $len) (i32.const 1)))
        (br $next)))
    (local.get $acc))
  (func (export "larger") (param $a i64) (param $b i64) (result i64)
    (select (local.get $a) (local.get $b) (i64.gt_s (local.get $a) (local.get $b)))))
