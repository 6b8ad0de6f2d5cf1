; Highlighting queries for .journey (Neovim / nvim-treesitter capture names).
;
; Statement keywords are tokens of their own, so the patterns below match
; them as `(keyword "phase")` without capturing them, and no node is captured
; by two patterns with different names: the result is the same whether an
; editor lets the first (tree-sitter-highlight, Helix) or the last (Neovim)
; matching pattern win.

(comment) @comment

; ---------------------------------------------------------------------------
; Statement keywords

; blocks that declare something
[
  "journey"
  "persona"
  "phase"
  "touchpoint"
  "goal"
  "actor"
  "impact"
  "empathy"
] @keyword.type

"import" @keyword.import

; attributes of the schema
[
  "value" "sponsor" "description" "phases" "loop"
  "role" "evidence" "needs" "pains" "gains" "goals" "channels"
  "says" "thinks" "does" "feels"
  "kind" "question" "activities" "wants" "objective" "message" "kpi"
  "backstage" "teams" "systems" "moment"
  "channel" "owner" "serves" "expectation" "experience" "importance"
  "monitored" "state" "collects" "basis"
  "for" "wow" "cost" "next"
  "metric" "via" "deliverable"
  "supports" "promise" "keeps" "disclaimer" "allow"
] @keyword

; ---------------------------------------------------------------------------
; Identifiers by role

; the name right after a declaring keyword, kpi or deliverable
(statement
  keyword: (keyword
    [
      "journey" "persona" "phase" "touchpoint" "goal" "actor" "impact"
      "kpi" "deliverable" "promise"
    ])
  .
  argument: (identifier) @type.definition)

; references to phases, channels, teams, systems, personas and touchpoints
(statement
  keyword: (keyword
    ["phases" "loop" "channels" "teams" "owner" "systems" "serves" "via"
     "keeps" "supports" "next"])
  argument: [
    (identifier) @variable
    (list
      (identifier) @variable)
  ])

(statement
  keyword: (keyword "channel")
  .
  argument: (identifier) @variable)

; for PERSONA …: the persona the scores are for (not a clause word when the
; persona is missing)
(statement
  keyword: (keyword "for")
  .
  argument: (identifier) @variable
  (#not-any-of? @variable "expectation" "experience" "target" "feeling"))

; deliverable … via touchpoint, touchpoint (the list is captured whole: one
; match per identifier would capture `via` more than once)
(statement
  keyword: (keyword "deliverable")
  argument: (identifier) @keyword
  .
  argument: [
    (identifier)
    (list)
  ] @variable
  (#eq? @keyword "via"))

; ---------------------------------------------------------------------------
; Enumeration values and argument keywords

(statement
  keyword: (keyword "kind")
  argument: (identifier) @constant.builtin
  (#any-of? @constant.builtin
    "awareness" "consideration" "decision" "purchase" "onboarding" "usage"
    "loyalty" "advocacy" "offboarding" "custom"))

(statement
  keyword: (keyword "importance")
  argument: (identifier) @constant.builtin
  (#any-of? @constant.builtin "low" "medium" "high" "critical"))

(statement
  keyword: (keyword "state")
  argument: (identifier) @constant.builtin
  (#any-of? @constant.builtin "current" "planned"))

(statement
  keyword: (keyword "basis")
  argument: (identifier) @constant.builtin
  (#any-of? @constant.builtin
    "consent" "contract" "legal_obligation" "vital_interest" "public_task"
    "legitimate_interest"))

(statement
  keyword: (keyword "channel")
  argument: (identifier) @constant.builtin
  (#any-of? @constant.builtin "online" "offline"))

(statement
  keyword: (keyword ["monitored" "moment" "wow"])
  argument: (identifier) @boolean
  (#any-of? @boolean "yes" "no"))

(statement
  keyword: (keyword "kpi")
  argument: (identifier) @keyword
  (#any-of? @keyword "target" "unit"))

(statement
  keyword: (keyword "metric")
  argument: (identifier) @keyword
  (#any-of? @keyword "current" "target" "unit" "by"))

; experience [SCORE] [target SCORE]
(statement
  keyword: (keyword "experience")
  argument: (identifier) @keyword
  (#eq? @keyword "target"))

; for PERSONA [expectation SCORE] [experience SCORE] [target SCORE] [feeling TEXT]
(statement
  keyword: (keyword "for")
  argument: (identifier) @keyword
  (#any-of? @keyword "expectation" "experience" "target" "feeling"))

; cost AMOUNT CURRENCY: an ISO 4217 code (EUR, USD, CHF, …)
(statement
  keyword: (keyword "cost")
  argument: (identifier) @constant
  (#match? @constant "^[A-Z][A-Z][A-Z]$"))

; allow CHECK "reason": the code or name of a check
(statement
  keyword: (keyword "allow")
  .
  argument: (identifier) @constant)

; ---------------------------------------------------------------------------
; Values and punctuation

(string) @string
(escape_sequence) @string.escape
(text_block) @string
(number) @number
(date) @string.special

(arrow) @operator

[
  "{"
  "}"
] @punctuation.bracket

[
  ","
  ";"
] @punctuation.delimiter
