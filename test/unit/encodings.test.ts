/**
 * Drafts as they come from writers' machines: a UTF-8 byte-order mark, UTF-16, Latin-1
 * or a binary file by mistake, and each line-end style. `crp-cite check` reads what an
 * editor would show and says what it cannot read; the CLI and the server report the same
 * positions (one line model, core/lines.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../server/src/cli';
import { decodeDraft } from '../../server/src/core/decode';

const data = resolve(__dirname, '..', '..', 'data', 'documents');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'crp-cite-encodings-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function check(name: string, bytes: Buffer, ...options: string[]) {
  const path = join(dir, name);
  writeFileSync(path, new Uint8Array(bytes));
  const out: string[] = [];
  const code = main(['check', path, '--data', data, '--locale', 'en', ...options], { out: (s) => out.push(s), err: (s) => out.push(s) });
  // The path as given (absolute here), then the position.
  return { code, lines: out.join('\n').split('\n').map((l) => (l.startsWith(`${path}:`) ? l.slice(path.length + 1) : l)) };
}

const DRAFT = 'CRP/43 §28 here.\nAnd CRP/43 §6(d).\n';
const utf16 = (text: string, bigEndian: boolean) => {
  const bytes = Buffer.from(`\ufeff${text}`, 'utf16le');
  if (bigEndian) bytes.swap16();
  return bytes;
};
const FINDINGS = [
  '1:9: error crp-cite.unknown-paragraph CRP/43 has no paragraph 28: its paragraphs run from 1 to 27.',
  '2:13: error crp-cite.unknown-sub-paragraph Paragraph 6 of CRP/43 has no sub-paragraph (d): its sub-paragraphs are (a)–(c).',
  '2 errors and 0 warnings in 1 file.',
];

describe('encodings', () => {
  it.each([
    ['UTF-8', Buffer.from(DRAFT)],
    ['UTF-8 with a byte-order mark (not part of the text: columns as without it)', Buffer.from(`\ufeff${DRAFT}`)],
    ['UTF-16 little-endian with its byte-order mark', utf16(DRAFT, false)],
    ['UTF-16 big-endian with its byte-order mark', utf16(DRAFT, true)],
  ])('%s is read as an editor shows it', (_name, bytes) => {
    expect(check('draft.md', bytes)).toEqual({ code: 1, lines: FINDINGS });
  });

  it('Latin-1 is said, with the line of its first byte that is not UTF-8, never “No problems”', () => {
    const latin1 = Buffer.from('Intro.\n\nLe paragraphe cité (CRP/43, par. 6) est très clair.\n', 'latin1');
    const r = check('latin1.md', latin1);
    expect(r.lines).toEqual([
      '3:1: warning crp-cite.not-utf8 This file is not UTF-8 (the first byte that is not is on line 3): it was not checked. Save it as UTF-8.',
      '0 errors and 1 warning in 1 file.',
    ]);
    expect(r.code).toBe(0);
  });

  it('a binary file is not text either', () => {
    expect(decodeDraft(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toEqual({ notUtf8: { line: 1 } });
  });
});

describe('one line model: \\n, \\r\\n and a lone \\r end lines, everywhere', () => {
  it.each([
    ['\\n', '\n'],
    ['\\r\\n', '\r\n'],
    ['a lone \\r', '\r'],
  ])('%s', (_name, eol) => {
    const text = ['# Note', '', 'An astral 𝒳 before CRP/43 §28 and', 'CRP/43 §6(d).', ''].join(eol);
    expect(check('eol.md', Buffer.from(text)).lines).toEqual([
      '3:29: error crp-cite.unknown-paragraph CRP/43 has no paragraph 28: its paragraphs run from 1 to 27.',
      '4:9: error crp-cite.unknown-sub-paragraph Paragraph 6 of CRP/43 has no sub-paragraph (d): its sub-paragraphs are (a)–(c).',
      '2 errors and 0 warnings in 1 file.',
    ]);
  });
});
