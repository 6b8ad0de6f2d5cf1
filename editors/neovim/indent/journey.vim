" Indentation for .journey files: one level per open { … } block.
if exists('b:did_indent')
  finish
endif
let b:did_indent = 1

setlocal autoindent
setlocal indentexpr=JourneyIndent(v:lnum)
setlocal indentkeys=0},0#,!^F,o,O

let b:undo_indent = 'setlocal autoindent< indentexpr< indentkeys<'

if exists('*JourneyIndent')
  finish
endif

" the line without strings and its trailing comment
function! s:Code(lnum) abort
  let line = substitute(getline(a:lnum), '"\%(\\.\|[^"\\]\)*"', '""', 'g')
  return substitute(line, '#.*$', '', '')
endfunction

function! JourneyIndent(lnum) abort
  let prev = prevnonblank(a:lnum - 1)
  if prev == 0
    return 0
  endif
  let ind = indent(prev)
  let code = s:Code(prev)
  let opens = len(substitute(code, '[^{]', '', 'g'))
  let closes = len(substitute(substitute(code, '^\s*}*', '', ''), '[^}]', '', 'g'))
  if opens > closes
    let ind += shiftwidth()
  endif
  if getline(a:lnum) =~# '^\s*}'
    let ind -= shiftwidth()
  endif
  return ind < 0 ? 0 : ind
endfunction
