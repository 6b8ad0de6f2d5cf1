-- Headless checks of the Neovim plugin; run by test/run.sh. Opens two journey
-- files of one project and checks filetype, buffer settings, regex
-- highlighting, indentation and that one journeyc client serves both.
local failures = {}
local function check(ok, what)
  if not ok then
    table.insert(failures, what)
  end
end

local project = vim.env.JOURNEY_TEST_PROJECT
require('journey').setup({ on_attach = function(_, bufnr) vim.b[bufnr].journey_attached = true end })

vim.cmd('edit ' .. project .. '/phases/awareness.journey')
local first = vim.api.nvim_get_current_buf()
check(vim.bo.filetype == 'journey', 'filetype is journey, got ' .. vim.bo.filetype)
check(vim.bo.commentstring == '# %s', 'commentstring, got ' .. vim.bo.commentstring)
check(vim.b.current_syntax == 'journey', 'syntax/journey.vim loaded')

local function syn(lnum, col)
  return vim.fn.synIDattr(vim.fn.synID(lnum, col, 1), 'name')
end
-- line 1: phase awareness "Awareness" {   # comment
check(syn(1, 1) == 'journeyDeclaration', 'phase: ' .. syn(1, 1))
check(syn(1, 7) == 'journeyDefinition', 'awareness (definition): ' .. syn(1, 7))
check(syn(1, 18) == 'journeyString', 'title string: ' .. syn(1, 18))
check(syn(1, 34) == 'journeyComment', 'comment: ' .. syn(1, 34))
-- line 2:   kind awareness
check(syn(2, 3) == 'journeyKeyword', 'kind: ' .. syn(2, 3))
check(syn(2, 8) == 'journeyConstant', 'phase kind: ' .. syn(2, 8))
-- line 3:   says "a \n b \q"
check(syn(3, 11) == 'journeyEscape', 'escape: ' .. syn(3, 11))
check(syn(3, 16) == 'journeyBadEscape', 'bad escape: ' .. syn(3, 16))
-- line 4:   metric "m" current 1 target 2 by 2027-06-30
check(syn(4, 14) == 'journeyArgKeyword', 'metric current: ' .. syn(4, 14))
check(syn(4, 22) == 'journeyNumber', 'number: ' .. syn(4, 22))
check(syn(4, 38) == 'journeyDate', 'date: ' .. syn(4, 38))
-- line 5:   monitored no
check(syn(5, 13) == 'journeyBoolean', 'yes/no: ' .. syn(5, 13))
-- indentation: inside the block one level, the closing brace back to zero
check(vim.fn.JourneyIndent(3) == 2, 'indent inside block: ' .. vim.fn.JourneyIndent(3))
check(vim.fn.JourneyIndent(6) == 0, 'indent of }: ' .. vim.fn.JourneyIndent(6))

vim.cmd('edit ' .. project .. '/personas.journey')
local second = vim.api.nvim_get_current_buf()

local function clients_of(buf)
  if vim.lsp.get_clients then
    return vim.lsp.get_clients({ bufnr = buf })
  end
  return vim.lsp.buf_get_clients(buf)
end
local function count(t)
  local n = 0
  for _ in pairs(t) do
    n = n + 1
  end
  return n
end

local attached = vim.wait(10000, function()
  return vim.b[first].journey_attached and vim.b[second].journey_attached
end, 50)
check(attached, 'journeyc attached to both buffers')
local ids = {}
for _, buf in ipairs({ first, second }) do
  for _, client in pairs(clients_of(buf)) do
    check(client.name == 'journeyc', 'client name ' .. client.name)
    ids[client.id] = true
  end
end
check(count(ids) == 1, 'one client for the project, got ' .. count(ids))

-- both documents reach the server
local log = vim.env.FAKE_JOURNEYC_LOG
vim.wait(5000, function()
  local text = table.concat(vim.fn.readfile(log), '\n')
  return text:find('personas.journey', 1, true) ~= nil
end, 50)
local text = table.concat(vim.fn.readfile(log), '\n')
check(text:find('args lsp', 1, true) ~= nil, 'started as `journeyc lsp`')
check(text:find('root=' .. vim.uri_from_fname(project), 1, true) ~= nil, 'root is the project (.git)')
check(text:find('textDocument/didOpen ' .. vim.uri_from_fname(project .. '/phases/awareness.journey'), 1, true) ~= nil,
  'didOpen awareness.journey')
check(text:find('textDocument/didOpen ' .. vim.uri_from_fname(project .. '/personas.journey'), 1, true) ~= nil,
  'didOpen personas.journey')

-- :JourneyRestart replaces the client with a new one
local before = next(ids)
vim.cmd('JourneyRestart')
local restarted = vim.wait(10000, function()
  local now = clients_of(second)
  for _, client in pairs(now) do
    if client.id ~= before and client.name == 'journeyc' then
      return true
    end
  end
  return false
end, 50)
check(restarted, ':JourneyRestart starts a new client')

-- a missing server: one warning with the install command, no error
local messages = {}
vim.notify = function(msg, level)
  table.insert(messages, { msg = msg, level = level })
end
local journey = require('journey')
journey.config.cmd = { 'journeyc-definitely-missing', 'lsp' }
local cmd, err = journey.server_cmd()
check(cmd == nil and err:find(journey.install_hint, 1, true) ~= nil, 'missing server message names the install command')
check(journey.attach(second) == nil, 'no client without a server')
journey.attach(second)
check(#messages == 1, 'one warning for a missing server, got ' .. #messages)
check(messages[1] and messages[1].level == vim.log.levels.WARN, 'the warning is a WARN')
check(messages[1] and messages[1].msg:find(journey.install_hint, 1, true) ~= nil, 'the warning names the install command')

local version = vim.version()
print(string.format('neovim %d.%d.%d: %d checks failed', version.major, version.minor, version.patch, #failures))
for _, f in ipairs(failures) do
  print('  FAILED: ' .. f)
end
for _, client in ipairs((vim.lsp.get_clients or vim.lsp.get_active_clients)()) do
  vim.lsp.stop_client(client.id)
end
vim.wait(2000, function()
  return #((vim.lsp.get_clients or vim.lsp.get_active_clients)()) == 0
end, 50)
vim.cmd(#failures == 0 and 'qall!' or 'cquit 1')
