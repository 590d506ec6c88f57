/**
 * The Markdown files under the paths given on the command line, honouring .gitignore
 * files (and never descending into .git or node_modules).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

const MARKDOWN = /\.(md|markdown|mdown|mkd)$/i;
const ALWAYS_SKIPPED = new Set(['.git', 'node_modules']);

export class UnreadablePathError extends Error {
  constructor(
    readonly path: string,
    readonly detail: string,
  ) {
    super(`${path}: ${detail}`);
  }
}

function gitignoreOf(dir: string): Ignore | undefined {
  try {
    return ignore().add(readFileSync(join(dir, '.gitignore'), 'utf8'));
  } catch {
    return undefined;
  }
}

function walk(dir: string, rules: Array<{ base: string; ig: Ignore }>, out: string[]): void {
  const own = gitignoreOf(dir);
  const active = own ? [...rules, { base: dir, ig: own }] : rules;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw new UnreadablePathError(dir, e instanceof Error ? e.message : String(e));
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (ALWAYS_SKIPPED.has(entry.name)) continue;
    const full = join(dir, entry.name);
    const isDir = entry.isDirectory();
    const ignored = active.some(({ base, ig }) => {
      const rel = relative(base, full).split(sep).join('/');
      return rel !== '' && ig.ignores(isDir ? `${rel}/` : rel);
    });
    if (ignored) continue;
    if (isDir) walk(full, active, out);
    else if (entry.isFile() && MARKDOWN.test(entry.name)) out.push(full);
  }
}

/**
 * Markdown files named directly are taken as they are; folders are walked. Paths come
 * back as the writer gave them (`docs/` → `docs/a.md`, an absolute folder → absolute
 * paths), which is how the CLI prints them.
 */
export function markdownFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    const full = resolve(p);
    let stats;
    try {
      stats = statSync(full);
    } catch (e) {
      throw new UnreadablePathError(p, e instanceof Error ? e.message : String(e));
    }
    if (stats.isDirectory()) {
      const found: string[] = [];
      walk(full, [], found);
      for (const f of found) out.push(join(p, relative(full, f)));
    } else out.push(p);
  }
  return out;
}

/** Whether a file under `root` is Markdown that `markdownFiles(root)` would list (not ignored, not skipped). */
export function isListedMarkdown(root: string, file: string): boolean {
  const rel = relative(root, file);
  if (rel === '' || rel.startsWith('..') || !MARKDOWN.test(file)) return false;
  const parts = rel.split(sep);
  if (parts.some((p) => ALWAYS_SKIPPED.has(p))) return false;
  let dir = root;
  const rules: Array<{ base: string; ig: Ignore }> = [];
  for (let i = 0; i < parts.length; i++) {
    const own = gitignoreOf(dir);
    if (own) rules.push({ base: dir, ig: own });
    const full = join(dir, parts[i]!);
    const isDir = i < parts.length - 1;
    const ignored = rules.some(({ base, ig }) => {
      const r = relative(base, full).split(sep).join('/');
      return ig.ignores(isDir ? `${r}/` : r);
    });
    if (ignored) return false;
    dir = full;
  }
  return true;
}
