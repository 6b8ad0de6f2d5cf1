; Indentation for .journey (nvim-treesitter names).

(block) @indent.begin

(block
  "}" @indent.branch @indent.end)

(comment) @indent.auto
