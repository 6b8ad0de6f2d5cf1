" Filetype settings for .journey files.
if exists('b:did_ftplugin')
  finish
endif
let b:did_ftplugin = 1

setlocal commentstring=#\ %s
setlocal comments=:#
setlocal formatoptions-=t formatoptions+=croql
setlocal iskeyword=@,48-57,_,192-255
setlocal expandtab shiftwidth=2 softtabstop=2

" Tree-sitter highlighting when a journey parser is installed (Neovim 0.9+;
" see editors/neovim/README.md). Without one the regex syntax file is used.
if has('nvim-0.9')
  lua local ok, added = pcall(vim.treesitter.language.add, 'journey'); if ok and added ~= false then pcall(vim.treesitter.start) end
endif

let b:undo_ftplugin = 'setlocal commentstring< comments< formatoptions< iskeyword< expandtab< shiftwidth< softtabstop<'
