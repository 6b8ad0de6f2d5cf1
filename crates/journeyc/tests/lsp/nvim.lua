-- Drives journeyc lsp from headless Neovim (0.7+), the way a user would:
-- open a file of an example workspace, receive diagnostics, hover over a
-- persona, jump to its definition. Writes what happened to
-- $JOURNEY_RESULT (first line `ok` or `fail`) and quits.

local bin = assert(os.getenv('JOURNEYC_BIN'), 'JOURNEYC_BIN')
local root = assert(os.getenv('JOURNEY_ROOT'), 'JOURNEY_ROOT')
local out = assert(os.getenv('JOURNEY_RESULT'), 'JOURNEY_RESULT')
local results = {}

local function log(line)
  table.insert(results, line)
end

local function finish(ok, err)
  local f = assert(io.open(out, 'w'))
  f:write((ok and 'ok' or 'fail') .. '\n')
  f:write(table.concat(results, '\n') .. '\n')
  if err then
    f:write('error: ' .. tostring(err) .. '\n')
  end
  f:close()
  if ok then
    vim.cmd('qall!')
  else
    vim.cmd('cquit! 1')
  end
end

local ok, err = pcall(function()
  local client_id = vim.lsp.start_client({
    name = 'journeyc',
    cmd = { bin, 'lsp' },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = 'example' } },
  })
  assert(client_id, 'vim.lsp.start_client failed')

  vim.cmd('edit ' .. vim.fn.fnameescape(root .. '/phases/awareness.journey'))
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].filetype = 'journey'
  assert(vim.lsp.buf_attach_client(buf, client_id), 'attach failed')

  -- Diagnostics arrive by themselves.
  local got = vim.wait(20000, function()
    return #vim.diagnostic.get(buf) > 0
  end, 50)
  assert(got, 'no diagnostics arrived')
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    log(string.format('diagnostic %s line %d: %s', tostring(d.code), d.lnum + 1, (d.message:gsub('\n.*', ''))))
  end

  -- Hover over the persona in `serves owner_operator, …`.
  local lnum
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    if line:match('^%s*serves owner_operator') then
      lnum = i
      break
    end
  end
  assert(lnum, 'no serves line')
  local line = vim.api.nvim_buf_get_lines(buf, lnum - 1, lnum, false)[1]
  local col = line:find('owner_operator', 1, true) + 2
  vim.api.nvim_win_set_cursor(0, { lnum, col })
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/hover', vim.lsp.util.make_position_params(), 10000)
  assert(responses, 'no hover answer')
  local hover
  for _, r in pairs(responses) do
    if r.result and r.result.contents then
      hover = r.result.contents.value
    end
  end
  assert(hover, 'empty hover')
  for l in hover:gmatch('[^\n]+') do
    log('hover ' .. l)
  end

  -- Go to definition: the jump opens personas.journey at the persona.
  vim.lsp.buf.definition()
  local jumped = vim.wait(10000, function()
    return vim.api.nvim_buf_get_name(0):match('personas%.journey$') ~= nil
  end, 50)
  assert(jumped, 'go to definition did not jump')
  local cursor = vim.api.nvim_win_get_cursor(0)
  log(string.format('definition %s:%d:%d %s', vim.fn.fnamemodify(vim.api.nvim_buf_get_name(0), ':t'),
    cursor[1], cursor[2] + 1, vim.api.nvim_get_current_line()))
end)

finish(ok, err)
