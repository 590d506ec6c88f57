/**
 * Shared set-up and helpers for the crp-cite scenarios (test/e2e/*.e2e.ts): a fresh
 * workspace folder copied from test/e2e/fixtures per run, the real .vsix installed into
 * the workbench, and waits that are specific to this extension (its language server
 * process, the panel's webview, the suggest widget, the status bar's cursor position).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import {
  activeEditor,
  hoverText,
  openFile,
  repoRoot,
  repoVsix,
  runCommand,
  screenshot,
  startWorkbench,
  waitFor,
  webviewFrame,
  type StartOptions,
  type Workbench,
} from './harness';

export const EXTENSION_ID = 'crp-cite.crp-cite';
export const SHOW_PANEL = 'CRP/43: Show Panel';

export interface Scenario {
  wb: Workbench;
  /** The workspace folder (a fresh copy of test/e2e/fixtures). */
  workspace: string;
  stop(): Promise<void>;
}

/**
 * Copies the fixture drafts into a new temporary workspace and starts a workbench with
 * the repository's .vsix installed (`--install-extension`). `stop()` is safe to call
 * whatever happened (stops code-server and Chromium by their own pids, removes the folder).
 */
export async function startScenario(
  name: string,
  opts: { userSettings?: Record<string, unknown>; workspaceSettings?: Record<string, unknown>; extraExtensions?: string[]; locale?: string; beforeStart?: StartOptions['beforeStart'] } = {},
): Promise<Scenario> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `crp-cite-${name}-`));
  const workspace = path.join(tmp, 'workspace');
  fs.cpSync(path.join(repoRoot(), 'test', 'e2e', 'fixtures'), workspace, { recursive: true });
  if (opts.workspaceSettings) {
    fs.mkdirSync(path.join(workspace, '.vscode'));
    fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify(opts.workspaceSettings, null, 2));
  }
  const t0 = Date.now();
  let wb: Workbench;
  try {
    wb = await startWorkbench({
      vsixOrExtensionDir: [repoVsix(), ...(opts.extraExtensions ?? [])],
      workspaceDir: workspace,
      userSettings: opts.userSettings ?? {},
      ...(opts.locale ? { locale: opts.locale } : {}),
      ...(opts.beforeStart ? { beforeStart: opts.beforeStart } : {}),
    });
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  console.log(`# ${name}: workbench up in ${Date.now() - t0} ms`);
  return {
    wb,
    workspace,
    stop: async () => {
      try {
        await wb.stop();
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    },
  };
}

/** Paragraph → line (0-based) of `**N.**` in the paper's Markdown rendering (the file F12 opens). */
export function paperLine(paragraph: number): number {
  const lines = fs.readFileSync(path.join(repoRoot(), 'data', 'documents', 'crp-43.md'), 'utf8').split('\n');
  const i = lines.findIndex((l) => l.startsWith(`**${paragraph}.**`));
  if (i < 0) throw new Error(`paragraph ${paragraph} not found in data/documents/crp-43.md`);
  return i;
}

/** "Ln 12, Col 5" of the status bar, as numbers (1-based). */
export async function cursorPosition(page: Page): Promise<{ line: number; column: number } | undefined> {
  const text = await page
    .locator('[id="status.editor.selection"]')
    .first()
    .innerText({ timeout: 2_000 })
    .catch(() => '');
  const m = /Ln (\d+), Col (\d+)/.exec(text);
  return m ? { line: Number(m[1]), column: Number(m[2]) } : undefined;
}

/** Waits until the cursor of the active editor is at `line` (1-based). */
export async function waitForCursorLine(page: Page, line: number, timeout = 15_000): Promise<void> {
  await waitFor(`the cursor on line ${line}`, async () => (await cursorPosition(page))?.line === line, { timeout });
}

/**
 * Waits for the visible hover (or any element) to finish its fade-in, so screenshots
 * show it opaque.
 */
export async function waitForSettledHover(page: Page): Promise<void> {
  const hover = page.locator('.monaco-editor .monaco-hover:not(.hidden)').first();
  await waitFor(
    'the hover to finish fading in',
    () =>
      hover.evaluate((el) => {
        const running = el.getAnimations({ subtree: true }).some((a) => a.playState === 'running');
        let opaque = true;
        for (let e: Element | null = el; e; e = e.parentElement) if (getComputedStyle(e).opacity !== '1') opaque = false;
        return !running && opaque;
      }),
    { timeout: 5_000, interval: 50 },
  );
}

/** Rows of the editor's suggest widget, as text (label, description), once it shows some. */
export async function suggestions(page: Page, accept: (rows: string[]) => boolean, timeout = 20_000): Promise<string[]> {
  const rows = page.locator('.editor-widget.suggest-widget.visible .monaco-list-row');
  let last: string[] = [];
  return waitFor(
    'suggestions',
    async () => {
      last = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
      return last.length > 0 && accept(last) ? last : undefined;
    },
    { timeout, interval: 100 },
  ).catch((e: Error) => {
    e.message += `; last rows: ${JSON.stringify(last)}`;
    throw e;
  });
}

/** Process ids of the extension's language server (`.../dist/server.js --node-ipc`) in the workbench's process group. */
export function languageServerPids(wb: Workbench): number[] {
  const out = execFileSync('ps', ['-eo', 'pid=,pgid=,args='], { encoding: 'utf8' });
  const pids: number[] = [];
  for (const line of out.split('\n')) {
    const m = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line);
    if (!m || Number(m[2]) !== wb.serverPid) continue;
    if (/crp-cite\.crp-cite-[^/]*\/dist\/server\.js\b.*--node-ipc/.test(m[3]!)) pids.push(Number(m[1]));
  }
  return pids;
}

/** The panel's webview frame, revealed by the Show Panel command, once its outline is drawn. */
export async function showPanel(page: Page, timeout = 30_000): Promise<Frame> {
  await runCommand(page, SHOW_PANEL);
  return webviewFrame(page, 'vscode-tree-item[data-paragraph]', timeout);
}

/**
 * `[error]` lines of the extension's own log channels (`crp-cite.crp-cite/` folders under the exthost logs)
 * and the extension host's `[error]` lines that name the extension.
 */
export function extensionErrors(wb: Workbench): string[] {
  const errors: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.log') && /exthost/i.test(p)) {
        const own = p.split(path.sep).includes(EXTENSION_ID);
        for (const line of fs.readFileSync(p, 'utf8').split('\n')) {
          if (/\[error\]/i.test(line) && (own || /crp-cite|crpCite/i.test(line))) errors.push(`${path.basename(p)}: ${line}`);
        }
      }
    }
  };
  walk(path.join(wb.userDataDir, 'logs'));
  return errors;
}

/** A screenshot of the whole workbench into test-results/e2e/, logged for the report. */
export async function shot(page: Page, name: string): Promise<void> {
  const file = await screenshot(page, name);
  console.log(`# screenshot ${path.relative(repoRoot(), file)}`);
}

/** Types text into the active editor, character by character (trigger characters fire). */
export async function typeInEditor(page: Page, text: string): Promise<void> {
  await activeEditor(page).locator('textarea').first().waitFor({ state: 'attached' });
  await page.keyboard.type(text, { delay: 15 });
}

/**
 * Wraps a scenario's body: on failure, a screenshot `FAILED-<name>.png` shows what the
 * workbench looked like, then the error goes on.
 */
export function withFailureShot(page: () => Page | undefined, name: string, body: () => Promise<void>): () => Promise<void> {
  return async () => {
    try {
      await body();
    } catch (e) {
      const p = page();
      if (p) await shot(p, `FAILED-${name}`).catch(() => {});
      throw e;
    }
  };
}

/**
 * Builds a minimal language pack .vsix for VS Code's display language `lang` (no
 * translations of its own: the workbench stays English, but VS Code then runs in `lang`,
 * so `vscode.env.language` is `lang` and extension manifests use their package.nls.<lang>.json).
 * Packaged with the repository's @vscode/vsce; returns the .vsix path inside `dir`.
 */
export function buildLanguagePack(lang: string, dir: string): string {
  const src = path.join(dir, `language-pack-${lang}`);
  fs.mkdirSync(path.join(src, 'translations'), { recursive: true });
  const manifest = {
    name: `crp-e2e-language-pack-${lang}`,
    displayName: `e2e language pack (${lang})`,
    description: `A minimal language pack so that VS Code runs in ${lang} (end-to-end tests).`,
    publisher: 'crp-e2e',
    version: '1.0.0',
    license: 'MIT',
    engines: { vscode: '^1.99.0' },
    categories: ['Language Packs'],
    contributes: {
      localizations: [
        { languageId: lang, languageName: lang, localizedLanguageName: lang, translations: [{ id: 'vscode', path: './translations/main.i18n.json' }] },
      ],
    },
  };
  fs.writeFileSync(path.join(src, 'package.json'), JSON.stringify(manifest, null, 2));
  fs.writeFileSync(path.join(src, 'translations', 'main.i18n.json'), JSON.stringify({ version: '1.0.0', contents: {} }));
  fs.writeFileSync(path.join(src, 'README.md'), `# e2e language pack (${lang})\n\nBuilt by test/e2e for the end-to-end tests.\n`);
  fs.writeFileSync(path.join(src, 'LICENSE'), 'MIT\n');
  const out = path.join(dir, `language-pack-${lang}.vsix`);
  const vsce = path.join(repoRoot(), 'node_modules', '@vscode', 'vsce', 'vsce');
  execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--out', out], {
    cwd: src,
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
  });
  return out;
}

/**
 * Registers installed language packs in `<user-data>/languagepacks.json`, as VS Code does
 * when it installs a language pack itself (code-server's `--install-extension` command line
 * does not): without it, `--locale <lang>` falls back to English.
 */
export function registerLanguagePacks(userDataDir: string, extensionsDir: string): void {
  const packs: Record<string, unknown> = {};
  for (const dir of fs.readdirSync(extensionsDir)) {
    const pj = path.join(extensionsDir, dir, 'package.json');
    if (!fs.existsSync(pj)) continue;
    const manifest = JSON.parse(fs.readFileSync(pj, 'utf8'));
    const id = `${manifest.publisher}.${manifest.name}`;
    for (const l of manifest.contributes?.localizations ?? []) {
      const translations: Record<string, string> = {};
      for (const t of l.translations) translations[t.id] = path.join(extensionsDir, dir, t.path);
      const hash = createHash('md5').update(id).update(manifest.version).digest('hex');
      packs[l.languageId] = { hash, extensions: [{ extensionIdentifier: { id }, version: manifest.version }], translations, label: l.localizedLanguageName ?? l.languageName };
    }
  }
  fs.mkdirSync(userDataDir, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify(packs));
}

// Reading the side panel (its webview frame).

/** The start of paragraph 16, as the panel shows it. */
export const PARAGRAPH_16 = 'The Administration plans to launch in the near future a major initiative on ethical recruitment';

/** Paragraph numbers of the outline's visible paragraph rows, in order. */
export async function shownParagraphs(frame: Frame): Promise<number[]> {
  return frame
    .locator('vscode-tree-item[data-paragraph]:not([data-sub]):not([data-footnote])')
    .evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.paragraph)));
}

export async function selectedParagraph(frame: Frame): Promise<number | undefined> {
  const n = await frame
    .locator('vscode-tree-item[data-paragraph]')
    .evaluateAll((els) => els.filter((e) => (e as HTMLElement & { selected: boolean }).selected).map((e) => Number((e as HTMLElement).dataset.paragraph)));
  return n[0];
}

/** A panel element's text, spaces collapsed ('' when it is not there). */
export async function text(frame: Frame, selector: string): Promise<string> {
  return (await frame.locator(selector).first().innerText({ timeout: 2_000 }).catch(() => '')).replace(/\s+/g, ' ').trim();
}

/** Waits until `selector` in the panel reads `expected` (or matches it). */
export async function panelText(frame: Frame, selector: string, expected: string | RegExp, timeout = 15_000): Promise<string> {
  let last = '';
  return waitFor(
    `panel ${selector} to read ${expected}`,
    async () => {
      last = await text(frame, selector);
      return (typeof expected === 'string' ? last === expected : expected.test(last)) ? last : undefined;
    },
    { timeout },
  ).catch((e: Error) => {
    e.message += `; it reads ${JSON.stringify(last)}`;
    throw e;
  });
}

/**
 * Opens `statement.md` and waits until the language server answers a hover on it:
 * activation alone does not mean the server is ready.
 */
export async function openDraftWhenReady(wb: Workbench): Promise<void> {
  await openFile(wb.page, 'statement.md');
  await wb.waitForActivation(EXTENSION_ID);
  await hoverText(wb.page, 'CRP/43 §16', { contains: PARAGRAPH_16, timeout: 60_000 });
}
