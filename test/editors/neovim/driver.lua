-- Drives readiness-lint's language server with Neovim's built-in LSP client (the 0.7 API) and
-- writes what Neovim saw as JSON for test/editors/neovim.test.ts.
-- Job, read from the JSON file named by $READINESS_LINT_NVIM_JOB:
--   { cmd = {...}, root, files = {...}, fix = { file, line }, settings, out, timeoutMs }
-- Positions in the output are 0-based LSP positions (UTF-16 code units), converted back from
-- Neovim's byte columns so they compare with the CLI's.

local job
local client_id
local exited
local result = { files = {}, logs = {}, errors = {} }
local pushes = {} -- uri -> list of { version, diagnostics } as the server sent them

local function read_json(path)
  local f = assert(io.open(path, 'r'))
  local text = f:read('*a')
  f:close()
  return vim.json.decode(text)
end

local function write_json(path, value)
  local f = assert(io.open(path, 'w'))
  f:write(vim.json.encode(value))
  f:close()
end

local function wait_for(what, condition)
  if not vim.wait(job.timeoutMs, condition, 20) then
    error(string.format('timed out after %d ms waiting for %s', job.timeoutMs, what))
  end
end

-- Records every push before handing it to Neovim's own handler, so the test can tell what the
-- server sent from what Neovim made of it.
local function on_publish(err, params, ctx, config)
  local list = pushes[params.uri] or {}
  table.insert(list, { version = params.version, diagnostics = params.diagnostics })
  pushes[params.uri] = list
  return vim.lsp.diagnostic.on_publish_diagnostics(err, params, ctx, config)
end

local function on_log(_, params, ctx)
  table.insert(result.logs, { method = ctx.method, type = params.type, message = params.message })
end

local function start()
  client_id = vim.lsp.start_client({
    name = 'readiness-lint',
    cmd = job.cmd,
    root_dir = job.root,
    handlers = {
      ['textDocument/publishDiagnostics'] = on_publish,
      ['window/logMessage'] = on_log,
      ['window/showMessage'] = on_log,
    },
    on_error = function(code, err)
      table.insert(result.errors, { code = code, err = tostring(err) })
    end,
    on_exit = function(code, signal)
      exited = { code = code, signal = signal }
    end,
  })
  assert(client_id, 'vim.lsp.start_client returned nil')
  wait_for('initialize', function()
    local client = vim.lsp.get_client_by_id(client_id)
    return client ~= nil and client.initialized == true
  end)
  local client = vim.lsp.get_client_by_id(client_id)
  result.offsetEncoding = client.offset_encoding
  result.serverCapabilities = client.server_capabilities
end

local function open(path)
  local bufnr = vim.fn.bufadd(path)
  vim.fn.bufload(bufnr)
  assert(vim.lsp.buf_attach_client(bufnr, client_id), 'buf_attach_client failed for ' .. path)
  return bufnr
end

local function buffer_text(bufnr)
  local text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, true), '\n')
  if vim.api.nvim_buf_get_option(bufnr, 'eol') then
    text = text .. '\n'
  end
  return text
end

-- vim.diagnostic holds byte columns; LSP and the CLI count UTF-16 code units.
local function utf16_col(bufnr, lnum, col)
  local line = vim.api.nvim_buf_get_lines(bufnr, lnum, lnum + 1, false)[1]
  if not line then
    return col
  end
  local ok, _, col16 = pcall(vim.str_utfindex, line, col)
  return ok and col16 or col
end

local function neovim_diagnostics(bufnr)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(out, {
      line = d.lnum,
      character = utf16_col(bufnr, d.lnum, d.col),
      endLine = d.end_lnum,
      endCharacter = utf16_col(bufnr, d.end_lnum, d.end_col),
      code = d.code,
      severity = d.severity,
      message = d.message,
    })
  end
  return out
end

local function push_count(uri)
  return #(pushes[uri] or {})
end

local function last_push(uri)
  local list = pushes[uri] or {}
  return list[#list]
end

local function snapshot(bufnr, uri)
  local push = last_push(uri)
  return {
    uri = uri,
    version = vim.lsp.util.buf_versions[bufnr],
    pushes = push_count(uri),
    pushedVersion = push and push.version,
    pushed = push and push.diagnostics or {},
    neovim = neovim_diagnostics(bufnr),
    text = buffer_text(bufnr),
  }
end

local function request(bufnr, method, params)
  local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, job.timeoutMs)
  assert(responses, string.format('%s: %s', method, tostring(err)))
  local response = responses[client_id]
  assert(response, method .. ': no response from the readiness-lint client')
  assert(not response.error, string.format('%s: %s', method, vim.inspect(response.error)))
  return response.result
end

local function pushed_diagnostic_at(uri, line)
  for _, d in ipairs(last_push(uri).diagnostics) do
    if d.code == 'mojibake' and d.range.start.line == line then
      return d
    end
  end
  error(string.format('no mojibake diagnostic pushed on line %d of %s', line, uri))
end

local function preferred_quick_fix(actions)
  for _, action in ipairs(actions or {}) do
    if action.isPreferred and action.kind == 'quickfix' and action.edit then
      return action
    end
  end
end

-- Asks for code actions at a mojibake finding, applies the preferred quick fix as Neovim's own
-- code action menu would, and waits for the diagnostics of the edited text.
local function code_action_round_trip(bufnr, line)
  local uri = vim.uri_from_bufnr(bufnr)
  local target = pushed_diagnostic_at(uri, line)
  local before = #vim.diagnostic.get(bufnr)
  local actions = request(bufnr, 'textDocument/codeAction', {
    textDocument = { uri = uri },
    range = target.range,
    context = { diagnostics = { target } },
  })
  local fix = preferred_quick_fix(actions)
  local titles = {}
  for _, action in ipairs(actions or {}) do
    table.insert(titles, action.title)
  end
  local round = { target = target, titles = titles, before = before }
  if not fix then
    return round
  end
  round.applied = fix.title
  local seen = push_count(uri)
  vim.lsp.util.apply_workspace_edit(fix.edit, 'utf-16')
  wait_for('diagnostics after the quick fix', function()
    local push = last_push(uri)
    return push_count(uri) > seen and push.version == vim.lsp.util.buf_versions[bufnr]
  end)
  round.after = snapshot(bufnr, uri)
  return round
end

-- What a user gets from the "Show documentation" code action's command.
local function execute(bufnr, command, arguments)
  local params = { command = command, arguments = arguments }
  local responses, err = vim.lsp.buf_request_sync(bufnr, 'workspace/executeCommand', params, job.timeoutMs)
  local response = responses and responses[client_id]
  if not response then
    return { error = { message = tostring(err) } }
  end
  local e = response.error
  return { error = e and { code = e.code, message = e.message } or nil }
end

-- Settings as nvim-lspconfig delivers them (Neovim 0.7 does not advertise workspace/configuration):
-- in the client's config, where workspace/configuration requests are answered from, and notified.
local function change_settings(bufnr, settings)
  local uri = vim.uri_from_bufnr(bufnr)
  local seen = push_count(uri)
  local client = vim.lsp.get_client_by_id(client_id)
  client.config.settings = settings
  client.notify('workspace/didChangeConfiguration', { settings = settings })
  wait_for('diagnostics after a settings change', function()
    return push_count(uri) > seen
  end)
  return snapshot(bufnr, uri)
end

local function stop()
  vim.lsp.stop_client(client_id)
  -- A server that ignores shutdown/exit is reported, not waited on forever.
  vim.wait(job.timeoutMs, function()
    return exited ~= nil
  end, 20)
  result.exit = exited
  if not exited then
    vim.lsp.stop_client(client_id, true)
  end
end

local function main()
  job = read_json(os.getenv('READINESS_LINT_NVIM_JOB'))
  result.nvim = vim.version()
  start()
  local buffers = {}
  for _, path in ipairs(job.files) do
    buffers[path] = open(path)
  end
  for path, bufnr in pairs(buffers) do
    local uri = vim.uri_from_bufnr(bufnr)
    wait_for('diagnostics of ' .. path, function()
      return push_count(uri) > 0
    end)
  end
  for path, bufnr in pairs(buffers) do
    result.files[path] = snapshot(bufnr, vim.uri_from_bufnr(bufnr))
  end
  local report = buffers[job.fix.file]
  result.codeAction = code_action_round_trip(report, job.fix.line)
  result.showDocumentation = execute(report, 'readinessLint.server.showDocumentation', { 'mojibake' })
  result.afterSettings = change_settings(report, job.settings)
  stop()
end

local ok, err = xpcall(main, debug.traceback)
if not ok then
  result.failure = tostring(err)
end
if job and job.out then
  write_json(job.out, result)
end
vim.cmd(ok and 'qall!' or 'cquit 1')
