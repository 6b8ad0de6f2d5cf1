" .journey files (journey-as-code)
autocmd BufRead,BufNewFile *.journey setfiletype journey
