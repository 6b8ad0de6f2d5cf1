-- Neovim support for .journey files: starts the journeyc language server
-- (`journeyc lsp`, stdio) for every journey buffer, without nvim-lspconfig.
-- Works on Neovim 0.7 (vim.lsp.start_client + vim.lsp.buf_attach_client) and
-- uses vim.lsp.start where it exists (0.8+).
--
--   require('journey').setup({
--     cmd = { 'journeyc', 'lsp' },     -- or { '/path/to/journeyc', 'lsp' }
--     root_markers = { '.git' },
--     on_attach = function(client, bufnr) end,
--     capabilities = nil,              -- e.g. from cmp_nvim_lsp
--     settings = {},
--   })

local M = {}

M.install_hint = 'cargo install --path crates/journeyc'

local defaults = {
  cmd = { 'journeyc', 'lsp' },
  root_markers = { '.git' },
  on_attach = nil,
  capabilities = nil,
  settings = {},
  -- a function(bufnr) -> boolean; false leaves the buffer without a server
  enabled = nil,
}

M.config = vim.deepcopy(defaults)

-- client id per root directory (Neovim 0.7, where vim.lsp.start is missing)
local clients = {}
local warned = false

local function notify(msg, level)
  vim.notify('journey: ' .. msg, level or vim.log.levels.INFO)
end

--- The directory that holds the nearest root marker above `path`, or the
--- file's own directory.
function M.root_dir(path)
  local dir = vim.fn.fnamemodify(path, ':p:h')
  for _, marker in ipairs(M.config.root_markers) do
    -- finddir/findfile with ';' search upwards (works on every Neovim)
    local found = vim.fn.finddir(marker, dir .. ';')
    if found == '' then
      found = vim.fn.findfile(marker, dir .. ';')
    end
    if found ~= '' then
      return vim.fn.fnamemodify(found, ':p:h:h')
    end
  end
  return dir
end

--- The command that starts the server, or nil and a message when the
--- executable cannot be found.
function M.server_cmd()
  local cmd = vim.deepcopy(M.config.cmd)
  local exe = vim.fn.expand(cmd[1])
  if vim.fn.executable(exe) ~= 1 then
    return nil, string.format(
      "the language server '%s' was not found. Install journeyc by running `%s` "
        .. "in the journeyc repository (cargo puts it in ~/.cargo/bin, which must be on "
        .. "your PATH), or pass cmd = { '/path/to/journeyc', 'lsp' } to "
        .. "require('journey').setup(). Highlighting works without it.",
      cmd[1],
      M.install_hint
    )
  end
  cmd[1] = exe
  return cmd
end

local function client_config(bufnr)
  local cmd, err = M.server_cmd()
  if not cmd then
    return nil, err
  end
  local root = M.root_dir(vim.api.nvim_buf_get_name(bufnr))
  return {
    name = 'journeyc',
    cmd = cmd,
    root_dir = root,
    workspace_folders = {
      { uri = vim.uri_from_fname(root), name = vim.fn.fnamemodify(root, ':t') },
    },
    capabilities = M.config.capabilities or vim.lsp.protocol.make_client_capabilities(),
    settings = M.config.settings,
    on_attach = M.config.on_attach,
  }
end

local function client_alive(id)
  local client = id and vim.lsp.get_client_by_id(id)
  return client ~= nil and not client.is_stopped()
end

--- Starts (or reuses) the server for the root of `bufnr` and attaches it.
--- Returns the client id, or nil when the server cannot be started.
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  if vim.bo[bufnr].buftype ~= '' then
    return nil
  end
  if M.config.enabled and not M.config.enabled(bufnr) then
    return nil
  end
  local config, err = client_config(bufnr)
  if not config then
    if not warned then
      warned = true
      notify(err, vim.log.levels.WARN)
    end
    return nil
  end

  if vim.lsp.start then
    -- Neovim 0.8+: reuses a client with the same name and root
    return vim.lsp.start(config, { bufnr = bufnr })
  end

  -- Neovim 0.7
  local id = clients[config.root_dir]
  if not client_alive(id) then
    id = vim.lsp.start_client(config)
    if not id then
      notify('could not start ' .. table.concat(config.cmd, ' '), vim.log.levels.ERROR)
      return nil
    end
    clients[config.root_dir] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
  return id
end

--- Stops every journeyc client and attaches the open journey buffers again.
function M.restart()
  clients = {}
  -- get_active_clients takes no filter on 0.7; get_clients replaces it on 0.10+
  for _, client in ipairs((vim.lsp.get_clients or vim.lsp.get_active_clients)()) do
    if client.name == 'journeyc' then
      vim.lsp.stop_client(client.id)
    end
  end
  warned = false
  vim.defer_fn(function()
    for _, buf in ipairs(vim.api.nvim_list_bufs()) do
      if vim.api.nvim_buf_is_loaded(buf) and vim.bo[buf].filetype == 'journey' then
        M.attach(buf)
      end
    end
  end, 500)
end

--- Registers the journey parser with nvim-treesitter (its `master` branch API;
--- see editors/neovim/README.md for the `main` branch). `opts.url` is a git
--- URL or a local clone of the journeyc repository.
function M.setup_treesitter(opts)
  opts = opts or {}
  local ok, parsers = pcall(require, 'nvim-treesitter.parsers')
  if not ok then
    notify('nvim-treesitter is not installed; using regex highlighting', vim.log.levels.WARN)
    return false
  end
  parsers.get_parser_configs().journey = {
    install_info = {
      url = opts.url or 'https://example.invalid/journeyc',
      branch = opts.branch or 'main',
      location = 'grammar/tree-sitter-journey',
      files = { 'src/parser.c' },
      requires_generate_from_grammar = false,
    },
    filetype = 'journey',
    maintainers = {},
  }
  return true
end

function M.setup(opts)
  M.config = vim.tbl_deep_extend('force', vim.deepcopy(defaults), opts or {})
  local group = vim.api.nvim_create_augroup('journey_lsp', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = 'journey',
    callback = function(args)
      M.attach(args.buf)
    end,
    desc = 'Start journeyc lsp for .journey buffers',
  })
  vim.api.nvim_create_user_command('JourneyRestart', M.restart, {
    desc = 'Restart the journeyc language server',
  })
  -- buffers opened before setup()
  for _, buf in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(buf) and vim.bo[buf].filetype == 'journey' then
      M.attach(buf)
    end
  end
end

return M
