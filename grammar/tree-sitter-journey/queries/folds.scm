; Folding for .journey: every block and every multi-line text block.

[
  (block)
  (text_block)
] @fold
