/**
 * References in a table's cells under a header that names the paper (`| CRP/43 para |` over
 * `| 11–12 |`), or under a paragraph column of a table about the paper.
 */

import { anyWordOf, isDigit, lazy, matchMark, skipSpaces } from './scan';
import type { Citation, Mark } from './types';
import { A_SYMBOL, TEXT_NOUN_LIST, namesSymbol } from './texts';
import { isYear, parseItems } from './body';

/** A table's delimiter row: `| --- | :-: |`. */
const TABLE_DELIMITER = /^[ \t>]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/**
 * Whether the cell `[start, end)` holds a paragraph mark and nothing else (`Paragraph`,
 * `Para.`, `§`, `Párrafo`), maybe after a paper's series (`crp para`, `CRP ¶`).
 */
function isMarkAlone(text: string, start: number, end: number, symbols: readonly string[]): boolean {
  let at = skipSpaces(text, start);
  const series = symbols.map((s) => s.slice(0, s.lastIndexOf('/'))).find((s) => s.length > 1 && text.slice(at, at + s.length).toLowerCase() === s.toLowerCase() && /[ \t]/.test(text[at + s.length] ?? ''));
  if (series) at = skipSpaces(text, at + series.length);
  const mark = matchMark(text, at);
  return mark !== undefined && mark.kind === 'paragraph' && text.slice(mark.end, end).trim() === '';
}

/** How the numbers of a reference column are read: a paragraph list, as after `§§`; under a note word (`| Note (CRP/43) |`), a list of the paper's notes. */
const COLUMN_MARK: Mark = { text: '', start: 0, end: 0, style: 'section', kind: 'paragraph', plural: true, lists: true };
const NOTE_COLUMN_MARK: Mark = { ...COLUMN_MARK, kind: 'footnote' };

/** The mark the numbers under the header cell `[start, end)` take: a note's when its first mark is a note word (`Note (CRP/43)`, `CRP/43 fn.`), a paragraph's otherwise. */
function columnMarkOf(text: string, start: number, end: number): Mark {
  for (let i = start; i < end; i++) {
    if (i > start && /[\p{L}\p{N}]/u.test(text[i - 1]!)) continue;
    const mark = matchMark(text, i);
    if (mark && mark.end <= end) return mark.kind === 'footnote' ? NOTE_COLUMN_MARK : COLUMN_MARK;
  }
  return COLUMN_MARK;
}

/**
 * A header cell that says the table reviews a text (`Comment`, `Proposed text`,
 * `Commentaire`, `Propuesta`): a paragraph column beside it holds that text's paragraphs,
 * most often the draft's own, not the paper's.
 */
const REVIEW_HEADER = /(?<![\p{L}\p{N}_])(?:comments?|commentaires?|comentarios?|suggest|propos|propues|amendments?|amendements?|enmiendas?|reviewers?|relecteurs?|revisor)/iu;

/** The cells of the table row `[start, end)` of `text`: their spans, between unescaped pipes. */
function cellsOf(text: string, start: number, end: number): Array<{ start: number; end: number }> {
  const cells: Array<{ start: number; end: number }> = [];
  let cellStart = start;
  for (let i = start; i <= end; i++) {
    if (i < end && (text[i] !== '|' || text[i - 1] === '\\')) continue;
    cells.push({ start: cellStart, end: i });
    cellStart = i + 1;
  }
  // A row written `| a | b |` has an empty cell before the first pipe and after the last.
  if (cells.length > 0 && text.slice(cells[0]!.start, cells[0]!.end).trim().replace(/^>+/, '').trim() === '') cells.shift();
  if (cells.length > 0 && text.slice(cells[cells.length - 1]!.start, cells[cells.length - 1]!.end).trim() === '') cells.pop();
  return cells;
}

/**
 * The references in a table column whose header names a paper (`| Point | Réf. CRP/43 |`,
 * `| Topic | CRP/43 para |`), or is a mark alone in a header that names the paper in
 * another column (`| Route in CRP/43 | Paragraph |`) or no text (`| § | Engagement |`): its cells hold bare numbers (`11–12`, `13, 14`, `24 a), b) et
 * c)`), which are that paper's paragraphs, added to the citations `found`. A cell that
 * already holds a citation is left to it; one that holds more than references (a
 * remark in parentheses aside), or a year, is prose. Of the paper named before them, as a reference
 * without a symbol is (`Citation.bare`).
 */
export function findTableColumnReferences(text: string, from: number, to: number, symbols: readonly string[], found: Citation[]): Citation[] {
  let cells: Citation[] | undefined;
  let columns: number[] | undefined;
  // Columns whose header names another text (`| A/RES/68/4 | CRP/43 |`, `| Déclaration |`):
  // a reference without a symbol in their cells is that text's, not the paper's.
  let othersColumns: number[] = [];
  let othersCells: Array<{ start: number; end: number }> | undefined;
  /** References without a symbol that a column's reading of their cell replaces. */
  let replaced: Set<Citation> | undefined;
  let markedColumns: number[] | undefined;
  /** The mark each column's numbers are read with (`columnMarkOf`). */
  let columnMarks: Mark[] = [];
  let previousLine: { start: number; end: number } | undefined;
  for (let lineStart = from; lineStart < to; ) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 || newline > to ? to : newline;
    const line = { start: lineStart, end: lineEnd > lineStart && text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd };
    if (!columns && previousLine && TABLE_DELIMITER.test(text.slice(line.start, line.end)) && text.slice(line.start, line.end).includes('-')) {
      const header = cellsOf(text, previousLine.start, previousLine.end);
      const namesPaper = header.map((cell) => symbols.some((symbol) => namesSymbol(text, cell.start, cell.end, symbol)));
      columns = header.flatMap((_, k) => (namesPaper[k] ? [k] : []));
      columnMarks = header.map((cell, k) => (namesPaper[k] ? columnMarkOf(text, cell.start, cell.end) : COLUMN_MARK));
      const headed = (pattern: RegExp) => header.flatMap((cell, k) => (!namesPaper[k] && pattern.test(text.slice(cell.start, cell.end)) ? [k] : []));
      const marked = header.flatMap((cell, k) => (!namesPaper[k] && isMarkAlone(text, cell.start, cell.end, symbols) ? [k] : []));
      othersColumns = [...new Set([...headed(OTHER_TEXT_HEADER()), ...headed(OWN_DRAFT_HEADER()).filter((k) => !CITATION_HEADER.test(text.slice(header[k]!.start, header[k]!.end)))])];
      // Or headed by a mark alone: in a table whose header names the paper elsewhere (`|
      // Route in CRP/43 | Paragraph |`), unless the paper's column holds the numbers (`|
      // Para. | CRP/43 |`: the draft's own paragraphs, and the paper's), decided on the first
      // row; in a table that names no text, the paragraphs of the paper the draft names
      // before it, as a reference without a symbol is (`| § | Engagement | Statut |` in a
      // follow-up matrix of CRP/43), unless the table reviews a text (`| Para. | Comment |`).
      if (columns.length > 0) markedColumns = marked;
      else if (othersColumns.length === 0 && headed(REVIEW_HEADER).length === 0) columns = marked;
      if (columns.length === 0 && othersColumns.length === 0) return found;
    } else if (columns) {
      if (!text.slice(line.start, line.end).includes('|')) break;
      const row = cellsOf(text, line.start, line.end);
      if (markedColumns) {
        if (!columns.some((k) => row[k] && isDigit(text[skipSpaces(text, row[k]!.start)]))) columns.push(...markedColumns);
        markedColumns = undefined;
      }
      for (const k of othersColumns) if (row[k]) (othersCells ??= []).push(row[k]!);
      // In the other columns, a cell that names a text before its reference (`| Declaration,
      // para. 8 |`, `| Council report, para. 12 |`) cites that text.
      row.forEach((cell, k) => {
        if (columns!.includes(k) || othersColumns.includes(k)) return;
        const first = found.find((c) => c.bare && c.start >= cell.start && c.end <= cell.end);
        if (first && NAMED_BEFORE_COMMA.test(text.slice(cell.start, first.start))) (othersCells ??= []).push(cell);
      });
      for (const k of columns) {
        const cell = row[k];
        if (!cell) continue;
        const at = skipSpaces(text, cell.start);
        const inCell = found.filter((c) => c.end > cell.start && c.start < cell.end);
        // (A reference without a symbol read there, `6(b)` of `6(b), 11–12`, gives way to the column's reading.)
        if (!isDigit(text[at]) || inCell.some((c) => !c.bare)) continue;
        const items = parseItems(text, at, columnMarks[k] ?? COLUMN_MARK);
        const end = items?.[items.length - 1]!.end;
        const rest = end === undefined ? '' : text.slice(end, cell.end).trim();
        if (!items || !(rest === '' || rest.startsWith('(')) || isYear(items[0]!.from.number)) continue;
        if (inCell.some((c) => c.end > end!)) continue;
        for (const c of inCell) (replaced ??= new Set()).add(c);
        (cells ??= []).push({ symbol: '', symbolStart: at, symbolEnd: at, items, short: true, bare: true, start: at, end: end! });
      }
    }
    previousLine = line;
    lineStart = lineEnd + 1;
  }
  const others = othersCells;
  const gone = replaced;
  const kept = others || gone ? found.filter((c) => !gone?.has(c) && (!c.bare || !others?.some((cell) => c.start >= cell.start && c.end <= cell.end))) : found;
  return cells ? [...kept, ...cells].sort((a, b) => a.start - b.start) : kept;
}

/** A name and a comma, the start of a cell: `Declaration, `, `Council report, ` (not a symbol: its own citation). */
const NAMED_BEFORE_COMMA = /^[ \t]*\p{Lu}[\p{L}'’ -]{1,60},[ \t]*$/u;

/**
 * A table header that names the draft itself (`| Draft location |`, `| Your para |`, `|
 * Emplacement dans le projet |`, `| Ubicación en el borrador |`): its cells' references
 * (`Para 6, line 14`) are the draft's own, as review tables keep them.
 */
const OWN_DRAFT_HEADER = lazy(() => anyWordOf(['draft', 'your', 'projet', 'votre', 'borrador']));

/** A header of the citations a draft makes, not of its places: `| Cita en el borrador |`, `| Citation dans le projet |`, `| Your citation |` (the paper's paragraphs). */
const CITATION_HEADER = /(?<![\p{L}])(?:cita|citas|citation|citations|referencia|referencias|référence|références|reference|references|ref\.|réf\.)(?![\p{L}])/iu;

/**
 * A table header that names another text than the paper: a document symbol (`A/RES/68/4`,
 * `MC/2355`), a resolution by its number, or a noun for a text (`Déclaration`, `Report`;
 * not `Note`, `Text`, `Document`, which head columns of remarks and of the paper's words).
 */
const OTHER_TEXT_HEADER = lazy(
  () =>
    new RegExp(
      `(?<![\\p{L}\\p{N}_])${A_SYMBOL}|${anyWordOf(TEXT_NOUN_LIST.filter((n) => !/^(?:note|nota|document|documento|text|texte|texto|draft|projet|proyecto|statement|letter|lettre|carta)$/.test(n))).source}`,
      'iu',
    ),
);
