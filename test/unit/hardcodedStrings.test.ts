/**
 * A heuristic guard against English slipping past the catalogs in the client and the
 * server: user-facing calls and webview text must not be given string literals with words.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');

function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** A string literal holding two or more words of letters: `'Open a draft'`, not `'crpCite.panel'`. */
const WORDS = String.raw`(['"\`])(?=[^'"\`]*[A-Za-z]{2,}\s+[A-Za-z]{2,})[^'"\`]*\1`;

const PATTERNS: Array<[string, RegExp]> = [
  ['a message box', new RegExp(String.raw`show(?:Information|Warning|Error)Message\(\s*${WORDS}`)],
  ['a status bar message', new RegExp(String.raw`setStatusBarMessage\(\s*${WORDS}`)],
  ['a quick pick or input placeholder/title', new RegExp(String.raw`(?:placeHolder|placeholder|prompt|title)\s*:\s*${WORDS}`)],
  ['webview text', new RegExp(String.raw`(?:textContent|innerText|title|ariaLabel)\s*=\s*${WORDS}`)],
  ['an ARIA label', new RegExp(String.raw`setAttribute\(\s*'aria-label'\s*,\s*${WORDS}`)],
  ['an element made with text', new RegExp(String.raw`\bel\(\s*'[a-z0-9-]+'\s*,\s*(?:'[^']*'|undefined)\s*,\s*${WORDS}`)],
  ['HTML built from strings', /\.innerHTML\s*=|insertAdjacentHTML\(/],
];

const files = [...sources(join(root, 'client', 'src')), ...sources(join(root, 'server', 'src'))];

describe('no hard-coded user-visible English', () => {
  it('finds the client and server sources', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files.map((f) => [relative(root, f), f]))('%s', (_name, file) => {
    const lines = readFileSync(file, 'utf8').split('\n');
    const found: string[] = [];
    lines.forEach((line, i) => {
      if (/^\s*(?:\/\/|\*|\/\*)/.test(line)) return;
      for (const [what, pattern] of PATTERNS) if (pattern.test(line)) found.push(`${i + 1}: ${what}: ${line.trim()}`);
    });
    expect(found).toEqual([]);
  });

  it('the scan would catch a literal message', () => {
    const line = `void vscode.window.showInformationMessage('Open a Markdown draft first.');`;
    expect(PATTERNS.some(([, p]) => p.test(line))).toBe(true);
    expect(PATTERNS.some(([, p]) => p.test(`b.title = 'Copy the citation';`))).toBe(true);
    expect(PATTERNS.some(([, p]) => p.test(`void vscode.window.showInformationMessage(t('commands.copied'));`))).toBe(false);
  });
});
