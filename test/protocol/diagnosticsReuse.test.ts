/**
 * Diagnostics pushed after edits reuse the ones pushed before (handlers/diagnostics.ts
 * keeps each finding's diagnostic and tells from the edits whether its range moved;
 * lsp/encoding.ts reuses its bytes). Whatever the edits, every push must be what a fresh
 * document with the same text gets: random edits, line breaks and lone `\r` (which join
 * with a `\n` into one line break) included, one at a time and several between pushes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { positionAt } from '../fixtures/cursor';
import { startServer, type TestServer } from './client';

const STEPS = Number(process.env.CRP_FUZZ_STEPS ?? 120);

/** Paragraphs apart (an edit re-checks the blocks around it), each with broken citations. */
const DRAFT = Array.from({ length: 14 }, (_, i) =>
  [
    `## Part ${i}`,
    '',
    `The call for action (CRP/43 §${28 + i}) and the ranges CRP/43 §§21–${19 - (i % 5)}.${i % 3 === 0 ? '\r' : ''}`,
    `Again CRP/43 §99, then CRP/43 §§6, 6 and CRP/43 §§2–2 on one line.`,
    '',
    ...(i % 4 === 1 ? ['```', `CRP/43 §7${i} in code`, '```', ''] : []),
    `${i % 3 === 2 ? '\r' : ''}Last: CRP/43 §40 and CRP/43 §§9–3 and CRP/43 §00${i}.`,
    '',
  ].join('\n'),
).join('\n');

/** A small deterministic generator (the same each run). */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}


/** An offset not between a `\r` and its `\n` (no position names it). */
function offsetIn(text: string, r: () => number): number {
  const o = Math.floor(r() * (text.length + 1));
  return text[o - 1] === '\r' && text[o] === '\n' ? o - 1 : o;
}

const PIECES = ['x', '9', '1', ' ', '\n', '\r', '`', '§', '–', 'CRP/43 §88', '§§7–5 ', '\r\n'];

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function pushFor(s: TestServer, uri: string, version: number): Promise<Diagnostic[]> {
  for (let tries = 0; ; tries++) {
    const last = [...s.published].reverse().find((p) => p.uri === uri);
    if (last && (last.version ?? 0) >= version) return last.diagnostics;
    if (tries > 500) throw new Error(`no diagnostics for version ${version}: ${s.stderr()}`);
    await new Promise((done) => setTimeout(done, 10));
  }
}

describe('diagnostics pushed after edits', () => {
  it.each([
    ['one edit per push', 0, 1],
    ['several edits per push', 15, 4],
  ])('are those of a fresh document with the same text (%s)', async (_name, debounce, perPush) => {
    server = await startServer({ initializationOptions: { diagnosticsDebounceMs: debounce } });
    const uri = 'file:///edited.md';
    let text = DRAFT;
    let version = 1;
    server.open(uri, text);
    await pushFor(server, uri, 1);
    const r = random(43 + perPush);
    for (let step = 0; step < STEPS; step++) {
      const edits = 1 + Math.floor(r() * perPush);
      for (let k = 0; k < edits; k++) {
        const start = offsetIn(text, r);
        const remove = r() < 0.4 ? Math.floor(r() * 4) : 0;
        const end = Math.min(text.length, start + remove);
        const inserted = r() < 0.3 && remove > 0 ? '' : PIECES[Math.floor(r() * PIECES.length)]!;
        // Keep the draft's size about the same, and `\r\n` whole at the end of the removal.
        const safeEnd = text[end - 1] === '\r' && text[end] === '\n' ? end + 1 : end;
        server.change(uri, [{ range: { start: positionAt(text, start), end: positionAt(text, safeEnd) }, text: inserted }]);
        text = text.slice(0, start) + inserted + text.slice(safeEnd);
        version++;
      }
      const pushed = await pushFor(server, uri, version);
      const freshUri = `file:///fresh-${step}.md`;
      server.open(freshUri, text);
      const fresh = await pushFor(server, freshUri, 1);
      server.close(freshUri);
      expect(pushed, `step ${step}: ${JSON.stringify(text)}`).toEqual(fresh);
    }
  });

  it('follow a carriage return and a line feed joined into one line break by deleting what was between them', async () => {
    server = await startServer({ initializationOptions: { diagnosticsDebounceMs: 0 } });
    const uri = 'file:///joined.md';
    const paragraphs = Array.from({ length: 6 }, (_, i) => `Paragraph ${i} cites CRP/43 §9${i}.`).join('\n\n');
    let text = `Start CRP/43 §97.\rX\n\n${paragraphs}\n`;
    server.open(uri, text);
    await pushFor(server, uri, 1);
    // `X` is alone on line 1; deleting it leaves `\r\n`, one line break instead of two.
    server.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } }, text: '' }]);
    text = text.replace('\rX\n', '\r\n');
    const pushed = await pushFor(server, uri, 2);
    server.open('file:///joined-fresh.md', text);
    expect(pushed).toEqual(await pushFor(server, 'file:///joined-fresh.md', 1));
    expect(pushed.at(-1)!.range.start.line).toBe(12);
  });
});
