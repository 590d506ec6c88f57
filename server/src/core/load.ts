/**
 * Reads the corpus from a folder of paper JSON files (`data/documents`).
 * Kept apart from corpus.ts so the pure lookups can be used without a file system.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { Corpus, isProblem, parsePaper, type CorpusProblem, type Paper } from './corpus';

export function loadCorpus(folder: string): Corpus {
  const papers: Paper[] = [];
  const problems: CorpusProblem[] = [];
  let names: string[];
  try {
    names = readdirSync(folder).filter((n) => n.endsWith('.json')).sort();
  } catch (e) {
    return new Corpus([], [{ kind: 'unreadable', file: folder, detail: e instanceof Error ? e.message : String(e) }]);
  }
  for (const name of names) {
    const file = join(folder, name);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      problems.push({ kind: 'unreadable', file, detail: e instanceof Error ? e.message : String(e) });
      continue;
    }
    const result = parsePaper(file, text, (rel) => resolve(dirname(file), rel));
    if (isProblem(result)) {
      problems.push(result);
    } else if (papers.some((p) => p.symbol === result.symbol)) {
      problems.push({ kind: 'duplicate-symbol', file, detail: result.symbol });
    } else {
      papers.push(result);
    }
  }
  if (papers.length === 0 && problems.length === 0) {
    problems.push({ kind: 'empty', file: folder, detail: 'no *.json paper' });
  }
  return new Corpus(papers, problems);
}

/**
 * The bundled data folder: `data/documents` beside `dist/` when bundled, or three levels
 * up from `server/src/core/` when the sources run directly (tests, tsx).
 */
export function defaultDataFolder(): string {
  const candidates = [resolve(__dirname, '..', 'data', 'documents'), resolve(__dirname, '..', '..', '..', 'data', 'documents')];
  return candidates.find((c) => existsSync(c)) ?? candidates[0]!;
}
