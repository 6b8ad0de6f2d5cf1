; Indentation for .journey in Helix.

(block) @indent

"}" @outdent
