;; Traps on every shard: shows how a runtime trap is reported.
(module
  (memory 1)
  (func (export "run") (param $ptr i32) (param $len i32) (result i32)
    unreachable))
