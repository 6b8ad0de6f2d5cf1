" Regex highlighting for .journey files, used when tree-sitter is not set up
" (Vim, or Neovim without the journey parser).
if exists('b:current_syntax')
  finish
endif

syntax case match
syntax iskeyword @,48-57,_,192-255

" statement keywords: only at the start of a statement
syntax match journeyDeclaration /\%(\%(^\|[{;]\)\s*\)\@<=\<\%(journey\|persona\|phase\|touchpoint\|goal\|actor\|impact\|empathy\)\>/
syntax match journeyImport /\%(^\s*\)\@<=import\>/
syntax match journeyKeyword /\%(\%(^\|[{;]\)\s*\)\@<=\<\%(value\|sponsor\|description\|phases\|loop\|role\|evidence\|needs\|pains\|gains\|goals\|channels\|says\|thinks\|does\|feels\|kind\|question\|activities\|wants\|objective\|message\|kpi\|backstage\|teams\|systems\|moment\|channel\|owner\|serves\|expectation\|experience\|importance\|monitored\|state\|collects\|basis\|for\|wow\|cost\|next\|metric\|via\|deliverable\|supports\|promise\|keeps\|disclaimer\|allow\)\>/

" the name a declaration defines
syntax match journeyDefinition /\%(\%(^\|[{;]\)\s*\<\%(journey\|persona\|phase\|touchpoint\|goal\|actor\|impact\|kpi\|deliverable\|promise\)\s\+\)\@<=\k\+/

" argument keywords and enumeration values
syntax match journeyArgKeyword /\%(\<kpi\>.*\s\)\@<=\<\%(target\|unit\)\>/
syntax match journeyArgKeyword /\%(\<metric\>.*\s\)\@<=\<\%(current\|target\|unit\|by\)\>/
syntax match journeyArgKeyword /\%(\<experience\>.*\s\)\@<=\<target\>/
syntax match journeyArgKeyword /\%(\%(^\|[{;]\)\s*for\s.*\)\@<=\<\%(expectation\|experience\|target\|feeling\)\>/
syntax match journeyArgKeyword /\%(\<deliverable\>.*\s\)\@<=\<via\>/
syntax match journeyConstant /\%(\<kind\s\+\)\@<=\<\%(awareness\|consideration\|decision\|purchase\|onboarding\|usage\|loyalty\|advocacy\|offboarding\|custom\)\>/
syntax match journeyConstant /\%(\<importance\s\+\)\@<=\<\%(low\|medium\|high\|critical\)\>/
syntax match journeyConstant /\%(\<state\s\+\)\@<=\<\%(current\|planned\)\>/
syntax match journeyConstant /\%(\<basis\s\+\)\@<=\<\%(consent\|contract\|legal_obligation\|vital_interest\|public_task\|legitimate_interest\)\>/
syntax match journeyConstant /\%(\<channel\s\+\k\+\s\+\)\@<=\<\%(online\|offline\)\>/
syntax match journeyBoolean /\%(\<\%(monitored\|moment\|wow\)\s\+\)\@<=\<\%(yes\|no\)\>/
syntax match journeyConstant /\%(\<cost\s\+\S\+\s\+\)\@<=\<\u\u\u\>/

" values
syntax match journeyNumber /\%(\k\)\@<!-\?\d\+\%(\.\d\+\)\?\>/
syntax match journeyDate /\<\d\{4}-\d\{2}-\d\{2}\>/
syntax match journeyEscape /\\\%(["\\ntr]\|u{\x\+}\)/ contained
syntax match journeyBadEscape /\\\%(["\\ntr]\|u{\x\+}\)\@!./ contained
syntax region journeyTextBlock start=/"""/ skip=/\\./ end=/"""/ contains=journeyEscape,journeyBadEscape,@Spell
syntax region journeyString start=/"\%(""\)\@!/ skip=/\\\\\|\\"/ end=/"\|$/ oneline contains=journeyEscape,journeyBadEscape,@Spell
syntax match journeyArrow /->/
syntax match journeyDelimiter /[,;]/
syntax match journeyBrace /[{}]/
syntax match journeyComment /#.*$/ contains=journeyTodo,@Spell
syntax keyword journeyTodo TODO FIXME XXX NOTE contained

highlight default link journeyDeclaration Structure
highlight default link journeyImport Include
highlight default link journeyKeyword Keyword
highlight default link journeyArgKeyword Keyword
highlight default link journeyDefinition Type
highlight default link journeyConstant Constant
highlight default link journeyBoolean Boolean
highlight default link journeyDate Number
highlight default link journeyNumber Number
highlight default link journeyString String
highlight default link journeyTextBlock String
highlight default link journeyEscape SpecialChar
highlight default link journeyBadEscape Error
highlight default link journeyArrow Operator
highlight default link journeyDelimiter Delimiter
highlight default link journeyBrace Delimiter
highlight default link journeyComment Comment
highlight default link journeyTodo Todo

let b:current_syntax = 'journey'
