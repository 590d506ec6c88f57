/**
 * End-to-end harness: a real VS Code 1.99.3 workbench served by code-server
 * 4.99.4 and driven in headless Debian Chromium through playwright-core.
 *
 * code-server must be provisioned first (`scripts/e2e/provision.sh`, which
 * `node test/e2e/run.mjs` runs before the scenarios).
 *
 * Everything waits on conditions with bounded timeouts; there are no fixed
 * sleeps except short polling intervals.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';

export const CODE_SERVER_VERSION = '4.99.4';
export const CHROMIUM_PATH = process.env.CRP_CITE_E2E_CHROMIUM ?? '/usr/bin/chromium';

/** Folder code-server is provisioned into (same rule as scripts/e2e/provision.sh). */
export function codeServerCacheDir(): string {
  return (
    process.env.CRP_CITE_E2E_CACHE ??
    path.join(os.homedir(), '.cache', 'crp-cite', `code-server-${CODE_SERVER_VERSION}`)
  );
}

export function codeServerEntry(): string {
  const entry = path.join(codeServerCacheDir(), 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!fs.existsSync(path.join(codeServerCacheDir(), '.provisioned')) || !fs.existsSync(entry)) {
    throw new Error(
      `code-server ${CODE_SERVER_VERSION} is not provisioned in ${codeServerCacheDir()}; ` +
        `run scripts/e2e/provision.sh (node test/e2e/run.mjs does it for you)`,
    );
  }
  return entry;
}

/** Repository root: nearest ancestor of the cwd whose package.json is named crp-cite. */
export function repoRoot(): string {
  let dir = process.cwd();
  for (;;) {
    const pj = path.join(dir, 'package.json');
    if (fs.existsSync(pj)) {
      try {
        if (JSON.parse(fs.readFileSync(pj, 'utf8')).name === 'crp-cite') return dir;
      } catch {
        /* keep walking */
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

/**
 * The extension's .vsix for scenarios: $CRP_CITE_VSIX, else the newest *.vsix
 * in the repo root (as written by `npm run package`).
 */
export function repoVsix(): string {
  const env = process.env.CRP_CITE_VSIX;
  if (env) {
    if (!fs.existsSync(env)) throw new Error(`CRP_CITE_VSIX=${env} does not exist`);
    return path.resolve(env);
  }
  const root = repoRoot();
  const vsix = fs
    .readdirSync(root)
    .filter((f) => f.endsWith('.vsix'))
    .map((f) => path.join(root, f))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  const newest = vsix[0];
  if (!newest) throw new Error(`no *.vsix in ${root}: run \`npm run package\` first (or set CRP_CITE_VSIX)`);
  return newest;
}

// ---------------------------------------------------------------------------
// small utilities

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  { timeout = 30_000, interval = 100 }: { timeout?: number; interval?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined && v !== null && v !== false) return v as T;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeout} ms waiting for ${what}${why}`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

function httpStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 2_000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------
// crash / Ctrl-C safety: whatever is still running gets killed synchronously

interface Live {
  pgid?: number;
  tmp: string;
  pidFile?: string;
}
const live = new Set<Live>();

function cleanupSync(l: Live): void {
  if (l.pgid) killGroup(l.pgid, 'SIGKILL');
  try {
    fs.rmSync(l.tmp, { recursive: true, force: true });
  } catch {
    /* best effort */
  }
  if (l.pidFile) fs.rmSync(l.pidFile, { force: true });
  live.delete(l);
}

let handlersInstalled = false;
function installExitHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', () => {
    for (const l of [...live]) cleanupSync(l);
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(sig, () => {
      for (const l of [...live]) cleanupSync(l);
      process.exit(sig === 'SIGINT' ? 130 : 143);
    });
  }
}

// ---------------------------------------------------------------------------
// workbench

/** Settings that make the workbench quiet and deterministic; scenario settings win. */
export const BASE_USER_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.commandCenter.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'files.autoSave': 'off',
  'editor.hover.delay': 150,
  'editor.minimap.enabled': false,
  'window.commandCenter': false,
  // writeUserSettings() types into settings.json: keep the JSON editor from "helping"
  '[jsonc]': {
    'editor.autoClosingBrackets': 'never',
    'editor.autoClosingQuotes': 'never',
    'editor.autoSurround': 'never',
    'editor.autoIndent': 'none',
    'editor.formatOnType': false,
    'editor.formatOnPaste': false,
    'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' },
    'editor.suggestOnTriggerCharacters': false,
  },
};

export interface StartOptions {
  /** A .vsix file (installed with `--install-extension`) or an unpacked extension folder (copied); or several. */
  vsixOrExtensionDir?: string | string[];
  /** Folder opened in the workbench. */
  workspaceDir: string;
  /** Merged over BASE_USER_SETTINGS into User/settings.json before start. */
  userSettings?: Record<string, unknown>;
  /** Fixed port; default: a free one. */
  port?: number;
  /** Budget for install + server start + workbench load (default 120 s). */
  timeout?: number;
  viewport?: { width: number; height: number };
  /** Called after the extensions are installed, before code-server starts (e.g. to write files into the user data). */
  beforeStart?: (dirs: { userDataDir: string; extensionsDir: string }) => void;
  /** code-server `--locale` (VS Code's display language; needs a language pack installed for anything but `en`). */
  locale?: string;
  /** Echo code-server output to stderr (also via CRP_CITE_E2E_VERBOSE=1). */
  verbose?: boolean;
  /**
   * The workbench's `payload` (VS Code's browser entry reads it from the URL, as its own
   * integration tests do): `[['extensionDevelopmentPath', path], ['extensionTestsPath', path]]`
   * runs an extension from its folder and its test suite in the extension host.
   */
  payload?: Array<[string, string]>;
  /** Extra environment for code-server (and so for its extension host). */
  env?: Record<string, string>;
}

export interface Workbench {
  page: Page;
  browser: Browser;
  serverPid: number;
  url: string;
  port: number;
  userDataDir: string;
  extensionsDir: string;
  settingsPath: string;
  /** code-server stdout+stderr so far. */
  serverOutput(): string;
  /** Chromium console errors and page errors so far. */
  consoleErrors: string[];
  /**
   * Replace the user settings (BASE_USER_SETTINGS + settings) at runtime. Goes through the
   * workbench (Preferences: Open User Settings (JSON), replace text, save, close) because
   * code-server does NOT apply external edits of User/settings.json until a window reload.
   * Verifies the saved file and resolves once it is saved (the configuration change event
   * then reaches the extension host within a moment: wait on its visible effect).
   */
  writeUserSettings(settings: Record<string, unknown>): Promise<void>;
  /** Write <workspace>/.vscode/settings.json directly; external edits of this file ARE applied live. */
  writeWorkspaceSettings(settings: Record<string, unknown>): void;
  /** Remote extension-host log text (where `ExtensionService#_doActivateExtension` lines land). */
  extensionHostLog(): string;
  /** Wait until the extension host has activated extension `id` (publisher.name). */
  waitForActivation(id: string, timeout?: number): Promise<void>;
  /** Kill Chromium and code-server (own process group), remove temp dirs. Idempotent. */
  stop(): Promise<void>;
}

function extensionFolderName(dir: string): string {
  const pj = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  return `${pj.publisher ?? 'undefined_publisher'}.${pj.name}-${pj.version ?? '0.0.0'}`.toLowerCase();
}

function writeSettingsFile(file: string, settings: Record<string, unknown>): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, JSON.stringify({ ...BASE_USER_SETTINGS, ...settings }, null, 2));
  fs.renameSync(tmp, file); // atomic: the file watcher never sees a half-written file
}

/** Same as `wb.writeUserSettings(settings)`. */
export function writeUserSettings(wb: Workbench, settings: Record<string, unknown>): Promise<void> {
  return wb.writeUserSettings(settings);
}

/** Same as `wb.writeWorkspaceSettings(settings)`: <workspaceDir>/.vscode/settings.json, applied live. */
export function writeWorkspaceSettings(workspaceDir: string, settings: Record<string, unknown>): void {
  const file = path.join(workspaceDir, '.vscode', 'settings.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(settings, null, 2));
}

async function writeUserSettingsViaUi(page: Page, settingsPath: string, settings: Record<string, unknown>): Promise<void> {
  const wanted = { ...BASE_USER_SETTINGS, ...settings };
  await runCommand(page, 'Preferences: Open User Settings (JSON)');
  const tab = page.locator('.tabs-container .tab.active[data-resource-name="settings.json"]').first();
  await tab.waitFor({ state: 'visible' });
  const lines = activeEditor(page).locator('.view-lines');
  await lines.waitFor({ state: 'visible' });
  await lines.click();
  await page.keyboard.press(`${mod}+KeyA`);
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(JSON.stringify(wanted, null, 2));
  await page.keyboard.press(`${mod}+KeyS`);
  await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'hidden', timeout: 10_000 });
  await waitFor(
    'settings.json to be saved with the new settings',
    () => {
      const onDisk = JSON.parse(fs.readFileSync(settingsPath, 'utf8'));
      if (JSON.stringify(onDisk) !== JSON.stringify(wanted)) throw new Error(`settings.json holds ${JSON.stringify(onDisk)}`);
      return true;
    },
    { timeout: 10_000 },
  );
  await runCommand(page, 'View: Close Editor');
  await tab.waitFor({ state: 'detached', timeout: 10_000 });
}

function readTree(dir: string, match: (f: string) => boolean): string {
  let out = '';
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true } as never) as unknown as fs.Dirent[]) {
    const parent = (e as unknown as { parentPath?: string; path?: string }).parentPath ?? (e as unknown as { path: string }).path;
    const full = path.join(parent, e.name);
    if (e.isFile() && match(full)) {
      try {
        out += fs.readFileSync(full, 'utf8');
      } catch {
        /* rotating */
      }
    }
  }
  return out;
}

export async function startWorkbench(opts: StartOptions): Promise<Workbench> {
  installExitHandlers();
  const timeout = opts.timeout ?? 120_000;
  const deadline = Date.now() + timeout;
  const left = () => Math.max(1_000, deadline - Date.now());
  const verbose = opts.verbose ?? process.env.CRP_CITE_E2E_VERBOSE === '1';
  const entry = codeServerEntry();
  const workspaceDir = path.resolve(opts.workspaceDir);

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'crp-cite-e2e-'));
  const l: Live = { tmp };
  live.add(l);
  const userDataDir = path.join(tmp, 'user-data');
  const extensionsDir = path.join(tmp, 'extensions');
  const settingsPath = path.join(userDataDir, 'User', 'settings.json');
  fs.mkdirSync(extensionsDir, { recursive: true });
  writeSettingsFile(settingsPath, opts.userSettings ?? {});

  let output = '';
  const consoleErrors: string[] = [];
  let child: ChildProcess | undefined;
  let browser: Browser | undefined;
  let stopped = false;

  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    if (browser) {
      await Promise.race([browser.close().catch(() => {}), new Promise((r) => setTimeout(r, 10_000))]);
    }
    if (l.pgid) {
      const pgid = l.pgid;
      killGroup(pgid, 'SIGTERM');
      await waitFor('code-server to exit', () => !groupAlive(pgid), { timeout: 5_000, interval: 50 }).catch(() =>
        killGroup(pgid, 'SIGKILL'),
      );
    }
    cleanupSync(l);
  };

  try {
    const common = [
      '--extensions-dir', extensionsDir,
      '--user-data-dir', userDataDir,
      '--config', path.join(tmp, 'config.yaml'),
    ];

    // 1. install the extension(s)
    const exts = opts.vsixOrExtensionDir === undefined ? [] : ([] as string[]).concat(opts.vsixOrExtensionDir);
    for (const ext of exts.map((e) => path.resolve(e))) {
      if (fs.statSync(ext).isDirectory()) {
        fs.cpSync(ext, path.join(extensionsDir, extensionFolderName(ext)), {
          recursive: true,
          filter: (src) => path.basename(src) !== '.git',
        });
      } else {
        const r = spawnSync(process.execPath, [entry, ...common, '--install-extension', ext], {
          encoding: 'utf8',
          timeout: left(),
          killSignal: 'SIGKILL',
        });
        if (r.status !== 0 || !/successfully installed/i.test(`${r.stdout}${r.stderr}`)) {
          throw new Error(`installing ${ext} failed (status ${r.status}):\n${r.stdout}\n${r.stderr}`);
        }
        if (verbose) process.stderr.write(r.stdout + r.stderr);
      }
    }

    opts.beforeStart?.({ userDataDir, extensionsDir });

    // 2. start code-server in its own process group
    const port = opts.port ?? (await freePort());
    const args = [
      entry,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      ...common,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--log', process.env.CRP_CITE_E2E_LOG ?? 'info',
      ...(opts.locale ? ['--locale', opts.locale] : []),
      workspaceDir,
    ];
    child = spawn(process.execPath, args, {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'), XDG_DATA_HOME: path.join(tmp, 'xdg-data'), ...opts.env },
    });
    const pid = child.pid;
    if (!pid) throw new Error('failed to spawn code-server');
    l.pgid = pid;
    if (process.env.CRP_CITE_E2E_RUN_DIR) {
      l.pidFile = path.join(process.env.CRP_CITE_E2E_RUN_DIR, `${pid}.pgid`);
      fs.writeFileSync(l.pidFile, `${pid}\n${tmp}\n`);
    }
    let exited: string | undefined;
    child.on('exit', (code, sig) => (exited = `code-server exited (code ${code}, signal ${sig})`));
    const collect = (b: Buffer) => {
      const s = b.toString();
      output += s;
      if (output.length > 1_000_000) output = output.slice(-500_000);
      if (verbose) process.stderr.write(s);
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);

    const base = `http://127.0.0.1:${port}`;
    await waitFor(
      `code-server on ${base}/healthz`,
      async () => {
        if (exited) throw new Error(`${exited}\n${output}`);
        return (await httpStatus(`${base}/healthz`)) === 200;
      },
      { timeout: Math.min(left(), 60_000), interval: 100 },
    ).catch((e) => {
      throw exited ? new Error(`${exited}\n${output}`) : e;
    });

    // 3. Chromium
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      timeout: Math.min(left(), 60_000),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
    const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1400, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));

    const url = `${base}/?folder=${encodeURIComponent(workspaceDir)}${opts.payload ? `&payload=${encodeURIComponent(JSON.stringify(opts.payload))}` : ''}`;
    await page.goto(url, { timeout: left(), waitUntil: 'domcontentloaded' });
    await page.locator('.monaco-workbench').first().waitFor({ state: 'visible', timeout: left() });
    // the explorer / editor area being laid out means the remote connection is up
    await page.locator('.part.editor').first().waitFor({ state: 'visible', timeout: left() });

    const logsDir = path.join(userDataDir, 'logs');
    const extensionHostLog = () => readTree(logsDir, (f) => /exthost/i.test(f) && f.endsWith('.log'));
    const wb: Workbench = {
      page,
      browser,
      serverPid: pid,
      url,
      port,
      userDataDir,
      extensionsDir,
      settingsPath,
      consoleErrors,
      serverOutput: () => output,
      writeUserSettings: (s) => writeUserSettingsViaUi(page, settingsPath, s),
      writeWorkspaceSettings: (s) => writeWorkspaceSettings(workspaceDir, s),
      extensionHostLog,
      waitForActivation: async (id, t = 60_000) => {
        const re = new RegExp(`_doActivateExtension ${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i');
        await waitFor(`extension ${id} to activate`, () => re.test(extensionHostLog()), { timeout: t, interval: 200 });
      },
      stop,
    };
    return wb;
  } catch (e) {
    if (output && e instanceof Error && !e.message.includes(output.slice(-200))) {
      e.message += `\n--- code-server output (tail) ---\n${output.slice(-4_000)}`;
    }
    await stop();
    throw e;
  }
}

// ---------------------------------------------------------------------------
// UI helpers

const isMac = process.platform === 'darwin';
const mod = isMac ? 'Meta' : 'Control';

/** The active editor's Monaco root. */
export function activeEditor(page: Page) {
  return page.locator('.part.editor .editor-group-container.active .monaco-editor:not(.inline-diff)').first();
}

/** Open `relativePath` (relative to the workspace folder) through Ctrl+P quick open; waits for its tab and text. */
export async function openFile(page: Page, relativePath: string, timeout = 30_000): Promise<void> {
  const base = path.posix.basename(relativePath.replace(/\\/g, '/'));
  await waitFor(
    `quick open to find ${relativePath}`,
    async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press(`${mod}+KeyP`);
      const input = page.locator('.quick-input-widget .quick-input-box input.input');
      await input.waitFor({ state: 'visible', timeout: 5_000 });
      await input.fill(relativePath);
      // file search (ripgrep) can take a moment on a fresh workspace
      const row = page
        .locator('.quick-input-list .monaco-list-row')
        .filter({ has: page.locator('.label-name', { hasText: base }) })
        .first();
      await row.waitFor({ state: 'visible', timeout: 5_000 });
      await row.click();
      return true;
    },
    { timeout, interval: 250 },
  );
  await page
    .locator(`.tabs-container .tab.active[data-resource-name="${base}"]`)
    .first()
    .waitFor({ state: 'visible', timeout });
  await activeEditor(page).locator('.view-lines .view-line').first().waitFor({ state: 'visible', timeout });
}

/** Go to line[:column] in the active editor (Ctrl+G), scrolling it into view. */
export async function gotoLine(page: Page, line: number, column?: number): Promise<void> {
  await page.keyboard.press(`${mod}+KeyG`);
  const input = page.locator('.quick-input-widget .quick-input-box input.input');
  await input.waitFor({ state: 'visible' });
  // Ctrl+G opens quick open with its ':' prefix; without it the text is a file search.
  await input.fill(column ? `:${line}:${column}` : `:${line}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

/** Viewport centre of the first occurrence of `text` in the active editor's rendered lines (or undefined). */
async function locateText(page: Page, text: string, charOffset?: number): Promise<{ x: number; y: number } | undefined> {
  return activeEditor(page)
    .locator('.view-lines')
    .evaluate(
      (root, [needle, off]) => {
        // View lines render spaces as U+00A0 and split tokens over spans: search the text nodes of each line.
        const lines = Array.from(root.querySelectorAll('.view-line')) as HTMLElement[];
        lines.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
        for (const line of lines) {
          const nodes: Text[] = [];
          const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
          const full = nodes.map((n) => n.data).join('').replace(/\u00a0/g, ' ');
          const idx = full.indexOf(needle as string);
          if (idx < 0) continue;
          let target = idx + (typeof off === 'number' ? off : Math.floor((needle as string).length / 2));
          for (const n of nodes) {
            if (target < n.data.length) {
              const r = document.createRange();
              r.setStart(n, target);
              r.setEnd(n, target + 1);
              const b = r.getBoundingClientRect();
              return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
            }
            target -= n.data.length;
          }
        }
        return undefined;
      },
      [text, charOffset ?? null] as const,
    );
}

/** Click into the active editor on `text` (puts the cursor there). */
export async function clickText(page: Page, text: string, timeout = 15_000): Promise<void> {
  const at = await waitFor(`"${text}" to be visible in the editor`, () => locateText(page, text), { timeout });
  await page.mouse.click(at.x, at.y);
}

/**
 * Hover `text` in the active editor and return the hover's innerText.
 * Retries (moving the mouse away and back) until the hover has content and,
 * if given, contains `opts.contains` — so it also waits for the extension
 * host / language server to be ready.
 */
export async function hoverText(
  page: Page,
  text: string,
  opts: { contains?: string | RegExp; timeout?: number; charOffset?: number } = {},
): Promise<string> {
  const timeout = opts.timeout ?? 30_000;
  const hover = page.locator('.monaco-editor .monaco-hover:not(.hidden)').first();
  let last = '';
  return waitFor(
    opts.contains ? `hover over "${text}" to contain ${opts.contains}` : `hover over "${text}"`,
    async () => {
      const at = await locateText(page, text, opts.charOffset);
      if (!at) throw new Error(`"${text}" not visible in the active editor`);
      await page.mouse.move(5, 5);
      await hover.waitFor({ state: 'hidden', timeout: 2_000 }).catch(() => {});
      await page.mouse.move(at.x, at.y - 1);
      await page.mouse.move(at.x, at.y, { steps: 2 });
      await hover.waitFor({ state: 'visible', timeout: 4_000 });
      // content arrives asynchronously ("Loading..." first)
      const contentOk = await waitFor(
        'hover content',
        async () => {
          last = (await hover.innerText()).trim();
          if (!last || /^Loading\.\.\.$/.test(last)) return false;
          if (opts.contains === undefined) return true;
          return typeof opts.contains === 'string' ? last.includes(opts.contains) : opts.contains.test(last);
        },
        { timeout: 3_000, interval: 100 },
      ).catch(() => false);
      return contentOk ? last : false;
    },
    { timeout, interval: 250 },
  ).catch((e: Error) => {
    e.message += last ? `; last hover text: ${JSON.stringify(last)}` : '';
    throw e;
  });
}

/** Run a command by its palette title (e.g. "CRP Cite: Show Panel") via F1. */
export async function runCommand(page: Page, title: string, timeout = 30_000): Promise<void> {
  await waitFor(
    `command "${title}" in the palette`,
    async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget .quick-input-box input.input');
      await input.waitFor({ state: 'visible', timeout: 5_000 });
      await input.fill(`>${title}`);
      const row = page
        .locator('.quick-input-list .monaco-list-row')
        .filter({ has: page.locator('.label-name', { hasText: title }) })
        .first();
      await row.waitFor({ state: 'visible', timeout: 3_000 });
      // prefer an exact label match when several rows match
      const rows = page.locator('.quick-input-list .monaco-list-row');
      const n = await rows.count();
      for (let i = 0; i < n; i++) {
        const label = (await rows.nth(i).locator('.label-name').first().innerText().catch(() => '')).trim();
        if (label === title) {
          await rows.nth(i).click();
          return true;
        }
      }
      await row.click();
      return true;
    },
    { timeout, interval: 250 },
  );
  await page.locator('.quick-input-widget .quick-input-box input.input').waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
}

/**
 * The inner frame of a webview (view or panel). VS Code nests two iframes per
 * webview: an outer `.../webview/browser/pre/index.html?id=...` host and an
 * inner `fake.html` frame holding the extension's HTML. `predicate` is a CSS
 * selector that must exist in the inner document, or a custom test.
 */
export async function webviewFrame(
  page: Page,
  predicate: string | ((frame: Frame) => boolean | Promise<boolean>),
  timeout = 30_000,
): Promise<Frame> {
  const test =
    typeof predicate === 'string'
      ? async (f: Frame) => (await f.locator(predicate).count()) > 0
      : predicate;
  return waitFor(
    'webview frame',
    async () => {
      for (const f of page.frames()) {
        const parent = f.parentFrame();
        if (!parent || !/\/webview\//.test(parent.url())) continue;
        if (!/fake\.html/.test(f.url())) continue;
        if (await Promise.resolve(test(f)).catch(() => false)) return f;
      }
      return undefined;
    },
    { timeout, interval: 200 },
  );
}

/**
 * Marker rows of the Problems panel as text, e.g.
 * "SMOKE-DIAG: TODO left in draft smoke [Ln 5, Col 1]" (message, source, position;
 * file header rows are left out). Opens the panel (Ctrl+Shift+M) if needed and waits
 * until at least `minCount` (default 1) markers are listed.
 */
export async function problems(page: Page, opts: { minCount?: number; timeout?: number } = {}): Promise<string[]> {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible().catch(() => false))) {
    await page.keyboard.press(`${mod}+Shift+KeyM`);
    await panel.waitFor({ state: 'visible', timeout: 10_000 });
  }
  // tree levels: 1 = file, 2 = marker, 3 = related information
  const rows = panel.locator('.monaco-list-row[aria-level="2"]');
  const min = opts.minCount ?? 1;
  return waitFor(
    `${min} problem(s) in the Problems panel`,
    async () => {
      const texts = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
      return texts.length >= min ? texts : undefined;
    },
    { timeout: opts.timeout ?? 30_000, interval: 200 },
  );
}

/**
 * Open Quick Fix (Ctrl+.) at the cursor and apply the action whose title
 * contains `title`. Driven by keyboard: the action widget sits under a
 * pointer-blocking overlay, so mouse clicks on its rows are intercepted.
 */
export async function applyQuickFix(page: Page, title: string | RegExp, timeout = 30_000): Promise<void> {
  const matches = (label: string) => (typeof title === 'string' ? label.includes(title) : title.test(label));
  const rows = page.locator('.action-widget .monaco-list-row.action');
  await waitFor(
    `quick fix "${title}"`,
    async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press(`${mod}+Period`);
      await rows.first().waitFor({ state: 'visible', timeout: 3_000 });
      const labels = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
      if (!labels.some(matches)) return false; // actions may still be computing: reopen
      for (let i = 0; i <= labels.length; i++) {
        const focused = (await page.locator('.action-widget .monaco-list-row.action.focused').getAttribute('aria-label').catch(() => null)) ?? '';
        if (matches(focused)) {
          await page.keyboard.press('Enter');
          await page.locator('.action-widget').first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
          return true;
        }
        await page.keyboard.press('ArrowDown');
      }
      return false;
    },
    { timeout, interval: 250 },
  );
}

/** Full text of the active editor's model (reads the rendered lines; keep test docs short). */
export async function editorText(page: Page): Promise<string> {
  return activeEditor(page)
    .locator('.view-lines')
    .evaluate((root) =>
      (Array.from(root.querySelectorAll('.view-line')) as HTMLElement[])
        .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
        .map((l) => (l.textContent ?? '').replace(/\u00a0/g, ' '))
        .join('\n'),
    );
}

/** Save a PNG to test-results/e2e/<name>.png (repo root) and return its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = path.join(repoRoot(), 'test-results', 'e2e');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await page.screenshot({ path: file, timeout: 15_000 });
  return file;
}
