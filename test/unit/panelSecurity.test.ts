/**
 * What the panel's webview and the hovers can be made to do, beyond client.test.ts's
 * examples: any message from the webview is either one the schema names or ignored (never
 * a throw, never a prototype change); any page input stays text; the webview's script
 * writes text only; nothing renders trusted Markdown; and the manifest's claim to run in
 * Restricted Mode holds (no setting or code path that runs something from the workspace).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, makeNonce, panelHtml } from '../../client/src/panel/html';
import { parseTargetArgument, parseWebviewMessage } from '../../client/src/panel/messages';

const ROOT = resolve(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const sources = (folder: string): string[] =>
  readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(folder, f));

const TYPES = ['ready', 'select', 'insert', 'copy', 'open', 'references'];

describe('messages from the webview', () => {
  const hostileTarget = fc.record(
    {
      paragraph: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(null), fc.constant(1e300)),
      subParagraph: fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom('a', 'z', '<script>', 'aa', '__proto__')),
      footnote: fc.oneof(fc.integer(), fc.string()),
      extra: fc.anything(),
    },
    { requiredKeys: [] },
  );
  const message = fc.oneof(
    fc.anything(),
    fc.jsonValue(),
    fc.record({ type: fc.oneof(fc.constantFrom(...TYPES, 'constructor', '__proto__', 'toString', 'eval'), fc.string()), target: fc.oneof(hostileTarget, fc.anything()) }, { requiredKeys: ['type'] }),
  );

  it('never throws; what it accepts is exactly a known message with a sane target', () => {
    fc.assert(
      fc.property(message, (data) => {
        const parsed = parseWebviewMessage(data);
        if (!parsed.ok) {
          expect(typeof parsed.reason).toBe('string');
          return;
        }
        const m = parsed.message;
        expect(TYPES).toContain(m.type);
        if (m.type === 'ready') {
          expect(Object.keys(m)).toEqual(['type']);
          return;
        }
        expect(Object.keys(m).sort()).toEqual(['target', 'type']);
        expect(Number.isSafeInteger(m.target.paragraph) && m.target.paragraph > 0).toBe(true);
        if (m.target.subParagraph !== undefined) expect(m.target.subParagraph).toMatch(/^[a-z]$/);
        for (const key of Object.keys(m.target)) expect(['paragraph', 'subParagraph', 'footnote']).toContain(key);
      }),
      { numRuns: 2000 },
    );
  });

  it('ignores malformed and smuggled messages, and leaves prototypes alone', () => {
    const rejected = [
      null,
      'ready',
      { type: 'ready', extra: 1 },
      { type: 'open' },
      { type: 'open', target: { paragraph: 6, subParagraph: '<script>' } },
      { type: 'open', target: { paragraph: -1 } },
      { type: 'open', target: { paragraph: 6.5 } },
      { type: 'open', target: { paragraph: '6' } },
      { type: 'open', target: { paragraph: 6, command: 'workbench.action.quit' } },
      { type: 'runCommand', command: 'workbench.action.quit' },
      { type: 'constructor' },
      JSON.parse('{"type":"select","target":{"paragraph":6,"__proto__":{"polluted":true}}}'),
      JSON.parse('{"__proto__":{"polluted":true},"type":"ready"}'),
    ];
    for (const data of rejected) expect(parseWebviewMessage(data).ok, JSON.stringify(data)).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(parseTargetArgument({ paragraph: 6, subParagraph: 'a' })).toEqual({ paragraph: 6, subParagraph: 'a' });
    expect(parseTargetArgument('6; rm -rf /')).toBeUndefined();
  });
});

describe('the panel’s page', () => {
  const text = fc.string({ unit: 'binary', maxLength: 40 });

  it('whatever it is given, runs exactly one script, the nonce’d one, and no handler', () => {
    fc.assert(
      fc.property(text, text, text, text, (title, language, scriptUri, cspSource) => {
        const nonce = makeNonce((n) => new Uint8Array(n).map((_, i) => i * 7));
        const page = panelHtml({ cspSource, nonce, scriptUri, styleUri: 'style.css', codiconsUri: 'codicon.css', language, title });
        expect(page.match(/<script/gi)).toHaveLength(1);
        expect(page).toMatch(new RegExp(`<script nonce="${nonce.replace(/[+/=]/g, (c) => `\\${c}`)}" src="[^"<>]*"></script>`));
        expect(page).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
        expect(page.match(/<meta http-equiv="Content-Security-Policy"/g)).toHaveLength(1);
      }),
      { numRuns: 500 },
    );
  });

  it('allows scripts by nonce only, and a fresh nonce each time', () => {
    const csp = contentSecurityPolicy('vscode-resource:', 'abc');
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'nonce-abc'"]);
    expect(csp).not.toMatch(/unsafe-|data:|\*|https?:/);
    // 128 bits from the source it is given, all of them in the nonce: two sources, two nonces.
    let asked = 0;
    const nonce = makeNonce((n) => new Uint8Array((asked = n)).fill(7));
    expect(asked).toBeGreaterThanOrEqual(16);
    expect([...Buffer.from(nonce, 'base64')]).toEqual(new Array(asked).fill(7));
    expect(makeNonce((n) => new Uint8Array(n).fill(8))).not.toBe(nonce);
  });
});

describe('the webview’s script and the hovers', () => {
  it('the script writes text only: no HTML sinks, no eval, no links it builds', () => {
    const files = sources('client/src/panel/media');
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const code = read(file);
      expect(code, file).not.toMatch(/\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|\beval\s*\(|new Function\s*\(|setAttribute\(\s*['"]on|\.href\s*=|\.src\s*=/);
    }
  });

  it('the webview runs with command links off and its resources limited to the extension’s media', () => {
    const provider = read('client/src/panel/provider.ts');
    expect(provider).toMatch(/enableCommandUris:\s*false/);
    expect(provider).toMatch(/localResourceRoots:\s*\[/);
    expect(provider).toMatch(/parseWebviewMessage\(/);
  });

  it('no Markdown is ever trusted or allowed raw HTML, in the client or the server', () => {
    for (const file of [...sources('client/src'), ...sources('server/src')]) {
      expect(read(file), file).not.toMatch(/isTrusted:\s*true|supportHtml:\s*true|supportThemeIcons:\s*true|enabledCommands/);
    }
    expect(read('client/src/client.ts')).toMatch(/isTrusted:\s*false/);
  });
});

describe('Restricted Mode', () => {
  const manifest = JSON.parse(read('package.json')) as {
    capabilities: { untrustedWorkspaces: { supported: boolean | string; restrictedConfigurations?: string[] } };
    contributes: { configuration: { properties: Record<string, { type?: string; scope?: string }> } };
  };

  it('claims support, which holds: no setting a workspace could set names something to run or load', () => {
    expect(manifest.capabilities.untrustedWorkspaces.supported).toBe(true);
    const restricted = new Set(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations ?? []);
    for (const name of Object.keys(manifest.contributes.configuration.properties)) {
      if (restricted.has(name)) continue;
      expect(name, `${name} would need restrictedConfigurations`).not.toMatch(/path|command|executable|server\.(args|module)|dataPath|script/i);
    }
  });

  it('the extension runs only its own bundled server, and spawns nothing else', () => {
    const client = read('client/src/client.ts');
    expect(client).toMatch(/asAbsolutePath\('dist\/server\.js'\)/);
    for (const file of sources('client/src')) {
      expect(read(file), file).not.toMatch(/child_process|ShellExecution|ProcessExecution|createTerminal|\bexecSync\b|\bspawn\(/);
    }
  });
});
