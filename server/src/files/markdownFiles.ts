/**
 * The Markdown files of a folder as git sees them: the ignore files of every folder from
 * the repository's root down (`.gitignore`, and `.git/info/exclude` at the root), nested
 * ones, negations (`!keep.md`: the last pattern that matches, from the root down, decides),
 * and never `.git` or `node_modules`. Shared by the CLI (`crp-cite check docs/`) and the
 * server's workspace index, so both read the same drafts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
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

/** The ignore rules of one folder: its `.gitignore` (and, at a repository's root, `.git/info/exclude`). */
interface Rules {
  base: string;
  ig: Ignore;
}

function rulesOf(dir: string): Rules | undefined {
  const files = [join(dir, '.gitignore'), join(dir, '.git', 'info', 'exclude')];
  let ig: Ignore | undefined;
  for (const file of files) {
    try {
      (ig ??= ignore()).add(readFileSync(file, 'utf8'));
    } catch {
      /* no such file: no rules from it */
    }
  }
  return ig && { base: dir, ig };
}

/**
 * The rules of the folders above `dir` up to its repository's root (the folder holding
 * `.git`), root first; none when `dir` is in no repository, as git reads none then.
 */
function rulesAbove(dir: string): Rules[] {
  if (existsSync(join(dir, '.git'))) return [];
  const chain: string[] = [];
  for (let at = dirname(dir); ; at = dirname(at)) {
    chain.push(at);
    if (existsSync(join(at, '.git'))) break;
    if (dirname(at) === at) return [];
  }
  return chain.reverse().flatMap((d) => rulesOf(d) ?? []);
}

/** Whether `full` is ignored: the last of the rule sets, root first, that says anything about it decides. */
function ignored(rules: readonly Rules[], full: string, isDir: boolean): boolean {
  let verdict = false;
  for (const { base, ig } of rules) {
    const rel = relative(base, full).split(sep).join('/');
    if (rel === '' || rel.startsWith('..')) continue;
    const { ignored: yes, unignored } = ig.test(isDir ? `${rel}/` : rel);
    if (yes) verdict = true;
    else if (unignored) verdict = false;
  }
  return verdict;
}

function walk(dir: string, rules: Rules[], out: string[]): void {
  const own = rulesOf(dir);
  const active = own ? [...rules, own] : rules;
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
    if (ignored(active, full, isDir)) continue;
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
    // `-`: a draft on standard input (`cat note.md | crp-cite check -`).
    if (p === '-') {
      out.push(p);
      continue;
    }
    const full = resolve(p);
    let stats;
    try {
      stats = statSync(full);
    } catch (e) {
      throw new UnreadablePathError(p, e instanceof Error ? e.message : String(e));
    }
    if (stats.isDirectory()) {
      const found: string[] = [];
      walk(full, rulesAbove(full), found);
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
  const rules = rulesAbove(root);
  for (let i = 0; i < parts.length; i++) {
    const own = rulesOf(dir);
    if (own) rules.push(own);
    const full = join(dir, parts[i]!);
    if (ignored(rules, full, i < parts.length - 1)) return false;
    dir = full;
  }
  return true;
}
