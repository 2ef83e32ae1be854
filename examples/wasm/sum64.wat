;; Sums a shard of i64 elements (a dataset with values outside i32 is laid out as i64).
(module
  (memory 1)
  (func (export "sum64") (param $ptr i32) (param $len i32) (result i64) (local $acc i64)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $len)))
        (local.set $acc (i64.add (local.get $acc) (i64.load (local.get $ptr))))
        (local.set $ptr (i32.add (local.get $ptr) (i32.const 8)))
        (local.set $len (i32.sub (local.get $len) (i32.const 1)))
        (br $next)))
    (local.get $acc)))
