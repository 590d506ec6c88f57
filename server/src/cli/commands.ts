/** The CLI's commands, one function each; the table at the end is the whole command set. */
import { readFileSync } from 'node:fs';
import type { Corpus } from '../core/corpus';
import { findCitations } from '../core/grammar';
import { citationsOfText } from '../core/draft/draftIndex';
import { decodeDraft } from '../core/decode';
import { annexMarkdown, annexOf } from '../core/features/annex';
import { checkAnyCitation, CODES, messageOf, type Finding } from '../core/features/diagnostics';
import { coveredByCitation, coveredName } from '../core/resolve';
import type { Translate } from '../i18n';
import { markdownFiles, UnreadablePathError } from '../files/markdownFiles';
import { checkFiles } from './parallel';
import { lineStarts, oneLine, positionAt } from '../core/lines';

export interface CliContext {
  corpus: Corpus;
  t: Translate;
  io: { out: (s: string) => void; err: (s: string) => void };
  format: 'text' | 'json';
  noFail: boolean;
  /** `annex --full`: whole passages, not their first sentences. */
  full: boolean;
}

export type Command = (args: string[], ctx: CliContext) => number;

/** Plain text of a passage for a terminal: the paper's words, italics unmarked. */
function plain(text: string): string {
  return text.replace(/\*([^*]+)\*/g, '$1');
}

const show: Command = (args, { corpus, t, io }) => {
  const text = args.join(' ');
  const symbols = corpus.papers.map((p) => p.symbol);
  const citation = findCitations(text, symbols)[0];
  const paper = citation && corpus.paper(citation.symbol);
  if (!citation || !paper) {
    io.err(t('cli.notACitation', { text }));
    return 2;
  }
  // One citation, nothing else: `show "CRP/43 §6 and more"` would otherwise print §6 as if all were read.
  const extra = `${text.slice(0, citation.start)} ${text.slice(citation.end)}`.trim();
  if (extra !== '') {
    io.err(t('cli.showExtra', { extra, citation: text.slice(citation.start, citation.end) }));
    return 2;
  }
  // What is wrong with it, as the checks say it (`§6(d)`: paragraph 6 has no sub-paragraph (d); `§§21–19`: reversed).
  const errors = checkAnyCitation(corpus, citation, text).filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    for (const f of errors) io.err(messageOf(f, t));
    return 1;
  }
  const covered = coveredByCitation(paper, citation);
  if (covered.length === 0) {
    io.err(t('hover.notFound', { symbol: paper.symbol, reference: text.slice(citation.mark?.end ?? citation.symbolEnd, citation.end).trim() }));
    return 1;
  }
  const blocks = covered.map((c) => {
    const { paragraph, sub, footnote } = c;
    if (footnote) {
      const { calledFrom } = footnote;
      const from = calledFrom.subParagraph ? `${calledFrom.paragraph}(${calledFrom.subParagraph})` : String(calledFrom.paragraph);
      return [`${coveredName(paper, c)} (${t('hover.calledFrom', { reference: from })})`, `${footnote.marker} ${plain(footnote.text)}`].join('\n');
    }
    const lines = [coveredName(paper, c), `${paragraph.number}. ${plain(paragraph.text)}`];
    for (const s of sub ? [sub] : paragraph.subParagraphs) lines.push(`  (${s.letter}) ${plain(s.text)}`);
    for (const f of paper.footnotesOf(paragraph.number, sub?.letter)) lines.push(`  ${f.marker} ${plain(f.text)}`);
    return lines.join('\n');
  });
  io.out(blocks.join('\n\n'));
  return 0;
};

/**
 * Reads each Markdown file under `paths` (UTF-8, with or without a byte-order mark, or
 * UTF-16); says which are not text it can read; reports unreadable ones and returns undefined.
 */
function readDrafts(paths: string[], ctx: CliContext): Array<{ path: string; text: string }> | undefined {
  try {
    const drafts: Array<{ path: string; text: string }> = [];
    for (const path of markdownFiles(paths.length > 0 ? paths : ['.'])) {
      const decoded = decodeDraft(readFileSync(path === '-' ? 0 : path));
      if ('text' in decoded) drafts.push({ path, text: decoded.text });
      else ctx.io.err(`${path}:${decoded.notUtf8.line}:1: warning ${CODES.notUtf8} ${ctx.t('diagnostics.notUtf8', { line: decoded.notUtf8.line })}`);
    }
    return drafts;
  } catch (e) {
    const path = e instanceof UnreadablePathError ? e.path : '';
    const detail = e instanceof UnreadablePathError ? e.detail : e instanceof Error ? e.message : String(e);
    ctx.io.err(ctx.t('cli.unreadable', { path, detail }));
    return undefined;
  }
}

const list: Command = (args, ctx) => {
  const drafts = readDrafts(args, ctx);
  if (!drafts) return 2;
  const symbols = ctx.corpus.papers.map((p) => p.symbol);
  const rows: Array<{ path: string; line: number; column: number; citation: string; resolves: string[] }> = [];
  for (const { path, text } of drafts) {
    const starts = lineStarts(text);
    for (const c of citationsOfText(text, symbols)) {
      // A short form of a text crp-cite does not have (`Ibid., para. 14` after `A/68/190,
      // para. 12`) is no citation of a paper it lists (`check` says so, as information).
      if (c.unknownPaper !== undefined) continue;
      // A short form after no citation (`Ibid.` alone) names no paper: listed, resolving to nothing.
      const paper = ctx.corpus.paper(c.symbol);
      // 1-based line and column, in UTF-16 code units as editors count.
      const { line, character } = positionAt(starts, c.start);
      rows.push({
        path,
        line: line + 1,
        column: character + 1,
        citation: oneLine(text.slice(c.start, c.end)),
        resolves: paper ? coveredByCitation(paper, c).map((cov) => coveredName(paper, cov)) : [],
      });
    }
  }
  if (ctx.format === 'json') {
    ctx.io.out(JSON.stringify(rows, null, 2));
  } else {
    for (const r of rows) {
      ctx.io.out(`${r.path}:${r.line}:${r.column}: ${r.citation} → ${r.resolves.length > 0 ? r.resolves.join(', ') : ctx.t('cli.unresolved')}`);
    }
    ctx.io.out(ctx.t('cli.listSummary', { count: rows.length, files: ctx.t('cli.files', { count: drafts.length }) }));
  }
  return 0;
};

/**
 * Reports every broken citation as `path:line:col: severity code message`, the form
 * compilers use, so editors and CI annotate it. Severity and code are stable words in
 * every language; the message is in the writer's.
 */
const check: Command = (args, ctx) => {
  let paths: string[];
  try {
    paths = markdownFiles(args.length > 0 ? args : ['.']);
  } catch (e) {
    const path = e instanceof UnreadablePathError ? e.path : '';
    const detail = e instanceof UnreadablePathError ? e.detail : e instanceof Error ? e.message : String(e);
    ctx.io.err(ctx.t('cli.unreadable', { path, detail }));
    return 2;
  }
  // Large folders are checked on two cores (cli/parallel.ts); the report is the same.
  const results = checkFiles(paths, ctx.corpus);
  const unreadable = results.find((r) => 'unreadable' in r);
  if (unreadable && 'unreadable' in unreadable) {
    ctx.io.err(ctx.t('cli.unreadable', { path: unreadable.path, detail: unreadable.unreadable }));
    return 2;
  }
  const drafts = results;
  const problems: Array<{ path: string; line: number; column: number; endLine: number; endColumn: number; severity: string; code: string; message: string }> = [];
  // The same few messages recur across a folder: translate each once.
  const messages = new Map<string, string>();
  const message = (p: Pick<Finding, 'messageKey' | 'params'>) => {
    const key = `${p.messageKey}\u0000${JSON.stringify(p.params)}`;
    let m = messages.get(key);
    if (m === undefined) messages.set(key, (m = messageOf(p as Finding, ctx.t)));
    return m;
  };
  for (const result of results) {
    if (!('problems' in result)) continue;
    const path = result.path;
    for (const p of result.problems) {
      problems.push({ path, line: p.line, column: p.column, endLine: p.endLine, endColumn: p.endColumn, severity: p.severity, code: p.code, message: message(p) });
    }
  }
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.filter((p) => p.severity === 'warning').length;
  // Information (citations not read, `Ibid.` of another source) is said, and never fails the check.
  const infos = problems.length - errors - warnings;
  if (ctx.format === 'json') {
    ctx.io.out(JSON.stringify({ files: drafts.length, errors, warnings, infos, problems }, null, 2));
  } else {
    for (const p of problems) ctx.io.out(`${p.path}:${p.line}:${p.column}: ${p.severity} ${p.code} ${p.message}`);
    const files = ctx.t('cli.files', { count: drafts.length });
    ctx.io.out(
      problems.length === 0
        ? ctx.t('cli.checkClean', { files })
        : infos === 0
          ? ctx.t('cli.checkSummary', { errors: ctx.t('cli.errors', { count: errors }), warnings: ctx.t('cli.warnings', { count: warnings }), files })
          : ctx.t('cli.checkSummaryWithUnchecked', { errors: ctx.t('cli.errors', { count: errors }), warnings: ctx.t('cli.warnings', { count: warnings }), unchecked: ctx.t('cli.unchecked', { count: infos }), files }),
    );
  }
  return errors > 0 && !ctx.noFail ? 1 : 0;
};

/**
 * A table of the paragraphs the drafts cite, in the paper's order, with how often and
 * where; then those cited nowhere. Markdown by default (links to each citation's line),
 * or JSON. One table per paper.
 */
const annex: Command = (args, ctx) => {
  const drafts = readDrafts(args, ctx);
  if (!drafts) return 2;
  const symbols = ctx.corpus.papers.map((p) => p.symbol);
  const indexed = drafts.map(({ path, text }) => {
    const starts = lineStarts(text);
    return { path, citations: citationsOfText(text, symbols), lineOf: (offset: number) => positionAt(starts, offset).line };
  });
  const annexes = ctx.corpus.papers.map((paper) => annexOf(paper, indexed));
  if (ctx.format === 'json') ctx.io.out(JSON.stringify(annexes.length === 1 ? annexes[0] : annexes, null, 2));
  else ctx.io.out(annexes.map((a) => annexMarkdown(a, ctx.t, ctx.full)).join('\n'));
  return 0;
};

export const COMMANDS: Record<string, Command> = { show, list, check, annex };
