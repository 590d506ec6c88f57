/**
 * One line model: the server (over stdio, as editors see it) and `crp-cite check` report
 * the same line and column for every finding, whatever the line ends (`\n`, `\r\n`, a lone
 * `\r`), with characters outside the Basic Multilingual Plane before them, and with a
 * UTF-8 byte-order mark in the file (which an editor does not show, nor send).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../server/src/cli';
import { ROOT, startServer, type TestServer } from './client';

const LINES = ['# Note 𝒳', '', 'An astral 𝒳 𝒴 before CRP/43 §28 and', 'CRP/43 §6(d), then “the Administration plans a major initiative on ethical recruitment” (CRP/43 §16).', 'Ibid., para. 99.', ''];

describe('the CLI and the server agree on positions', () => {
  let server: TestServer;
  let dir: string;
  beforeAll(async () => {
    server = await startServer({ initializationOptions: { diagnosticsDebounceMs: 0 } });
    dir = mkdtempSync(join(tmpdir(), 'crp-cite-positions-'));
  });
  afterAll(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['\\n', '\n', false],
    ['\\r\\n', '\r\n', false],
    ['a lone \\r', '\r', false],
    ['\\n, with a byte-order mark', '\n', true],
  ])('%s', async (name, eol, bom) => {
    const text = LINES.join(eol);
    const uri = `file:///positions/${encodeURIComponent(name)}.md`;
    const published = server.diagnostics(uri);
    server.open(uri, text);
    const fromServer = (await published).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`);

    const path = join(dir, 'draft.md');
    writeFileSync(path, `${bom ? '\ufeff' : ''}${text}`);
    const out: string[] = [];
    main(['check', path, '--data', join(ROOT, 'data', 'documents'), '--locale', 'en'], { out: (s) => out.push(s), err: (s) => out.push(s) });
    const fromCli = out.slice(0, -1).map((l) => {
      const [, line, column, code] = /^.*\.md:(\d+):(\d+): \w+ (\S+) /.exec(l)!;
      return `${line}:${column} ${code}`;
    });
    expect(fromServer).toHaveLength(4);
    expect(fromCli).toEqual(fromServer);
  });
});
