/**
 * Reads the corpus from a folder of paper JSON files (`data/documents`).
 * Kept apart from corpus.ts so the pure lookups can be used without a file system.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { Corpus, isProblem, parsePaper, type CorpusProblem, type DataIssue, type Paper } from './corpus';
import type { Translate } from '../i18n';

/** What `server.dataProblem` says of each kind of problem. */
const PROBLEM_KEYS: Record<CorpusProblem['kind'], string> = {
  unreadable: 'server.dataProblemKind.unreadable',
  'invalid-json': 'server.dataProblemKind.invalidJson',
  'invalid-data': 'server.dataProblemKind.invalidData',
  'duplicate-symbol': 'server.dataProblemKind.duplicateSymbol',
  empty: 'server.dataProblemKind.empty',
};

/**
 * One line for the writer: which file, what is wrong with it in their language, then the
 * detail: each field at fault and what is wrong with it, in their language too where the
 * catalogs say it (the parser's and the system's own words otherwise).
 */
export function problemMessage(problem: CorpusProblem, t: Translate): string {
  const detail = problem.issues
    ? problem.issues.map((issue) => t('server.dataIssueAt', { path: issue.path, problem: issueText(issue, t) })).join(t('server.dataIssueSeparator'))
    : problem.detail;
  return t('server.dataProblem', { file: problem.file, detail: t(PROBLEM_KEYS[problem.kind], { detail }) });
}

function issueText(issue: DataIssue, t: Translate): string {
  if (issue.key === 'other') return issue.message;
  const expected = issue.params['expected'];
  const params = expected === undefined ? issue.params : { ...issue.params, expected: t(`server.dataIssue.types.${expected}`, { defaultValue: String(expected) }) };
  return t(`server.dataIssue.${issue.key}`, { ...params, defaultValue: issue.message });
}

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
