; Scopes, definitions and references for .journey (nvim-treesitter names).
;
; Names are global to a workspace (a touchpoint may serve a persona declared in
; another file); inside one file these queries let an editor jump between a
; declaration and its uses and highlight them together.

(source_file) @local.scope

(statement
  keyword: (keyword
    ["journey" "persona" "phase" "touchpoint" "goal" "actor" "impact"])
  .
  argument: (identifier) @local.definition.type)

(statement
  keyword: (keyword ["kpi" "deliverable" "promise"])
  .
  argument: (identifier) @local.definition.constant)

(statement
  keyword: (keyword
    ["phases" "loop" "channels" "channel" "teams" "owner" "systems" "serves" "via"
     "keeps" "supports" "next"])
  argument: [
    (identifier) @local.reference
    (list
      (identifier) @local.reference)
  ])

(statement
  keyword: (keyword "deliverable")
  argument: (identifier) @_via
  .
  argument: [
    (identifier) @local.reference
    (list
      (identifier) @local.reference)
  ]
  (#eq? @_via "via"))

(statement
  keyword: (keyword "for")
  .
  argument: (identifier) @local.reference
  (#not-any-of? @local.reference "expectation" "experience" "target" "feeling"))
