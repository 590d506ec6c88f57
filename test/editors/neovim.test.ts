/**
 * The server in an editor that is not VS Code: Neovim's own LSP client (Debian's
 * neovim, installed by .ci/run) starts `node dist/server.js --stdio`, asks for a hover
 * and receives the diagnostics, as a writer using Neovim would.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER } from '../protocol/client';

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const hasNeovim = nvim.status === 0;

/** Neovim 0.7's API (`vim.lsp.start_client`); 0.11's `vim.lsp.config` is in the README. */
function script(dir: string, out: string): string {
  return `
local client_id = vim.lsp.start_client({
  name = 'crp-cite',
  cmd = { 'node', ${JSON.stringify(SERVER)}, '--stdio' },
  root_dir = ${JSON.stringify(dir)},
  init_options = { language = 'es' },
})
vim.cmd('edit ' .. ${JSON.stringify(join(dir, 'draft.md'))})
vim.lsp.buf_attach_client(0, client_id)
local client = vim.lsp.get_client_by_id(client_id)
vim.wait(10000, function() return client.initialized end)
local lines = {}
local res = vim.lsp.buf_request_sync(0, 'textDocument/hover', { textDocument = { uri = vim.uri_from_bufnr(0) }, position = { line = 0, character = 12 } }, 10000)
for _, r in pairs(res or {}) do
  if r.result then table.insert(lines, 'hover\\t' .. r.result.contents.value:gsub('\\n', ' ')) end
end
vim.wait(10000, function() return #vim.diagnostic.get(0) > 0 end)
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(lines, table.concat({ 'diagnostic', d.lnum, d.col, d.code, d.message }, '\\t'))
end
vim.fn.writefile(lines, ${JSON.stringify(out)})
vim.cmd('qa!')
`;
}

describe.skipIf(!hasNeovim)(`Neovim (${hasNeovim ? nvim.stdout.split('\n')[0] : 'not installed: apt-get install neovim'})`, () => {
  it('hovers a citation and shows a broken one, in Spanish', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crp-cite-nvim-'));
    writeFileSync(join(dir, 'draft.md'), 'Véase CRP/43 §16 y CRP/43, párr. 28.\n');
    const out = join(dir, 'out.txt');
    writeFileSync(join(dir, 'init.lua'), script(dir, out));
    execFileSync('nvim', ['--headless', '--clean', '-u', join(dir, 'init.lua')], { timeout: 30_000, stdio: 'ignore' });
    const lines = execFileSync('cat', [out], { encoding: 'utf8' }).trim().split('\n');
    const hover = lines.find((l) => l.startsWith('hover\t'));
    expect(hover).toContain('Párrafo 16');
    expect(hover).toContain('International Recruitment Integrity System (IRIS)');
    const diagnostics = lines.filter((l) => l.startsWith('diagnostic\t')).map((l) => l.split('\t').slice(1));
    // Neovim counts bytes: the server's UTF-16 column 33 (after é, § and á) is byte 36.
    expect(diagnostics).toEqual([['0', '36', 'crp-cite.unknown-paragraph', 'El documento CRP/43 no tiene párrafo 28: sus párrafos van del 1 al 27.']]);
  });
});
