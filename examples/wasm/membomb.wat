;; Grows its memory without end: stopped by memoryPages.
(module
  (memory 1)
  (func (export "run") (param $ptr i32) (param $len i32) (result i32)
    (loop $more
      (br_if $more (i32.ne (memory.grow (i32.const 1)) (i32.const -1))))
    (i32.const 0)))
