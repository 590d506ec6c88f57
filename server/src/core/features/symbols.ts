/**
 * The paper as symbols: searchable paragraphs and sub-paragraphs for "go to symbol in
 * workspace" (by number, `16`, `§6(a)`, or by words of their text, `IRIS`, `recruitment`),
 * and the outline of the paper's Markdown rendering for "go to symbol in file".
 *
 * Editors filter workspace symbols again by name, so a match on words carries those
 * words in its name: the excerpt around them.
 */
import type { Corpus, Paper, Paragraph, SubParagraph } from '../corpus';
import { firstWords } from './render';
import { foldAccents } from '../fold';

export interface PassageSymbol {
  paper: Paper;
  paragraph: Paragraph;
  sub?: SubParagraph;
  /** `CRP/43 §16 — … the International Recruitment Integrity System (IRIS) …` */
  name: string;
  /** The heading the paragraph sits under. */
  container: string;
  line: number;
}

/** Folded for matching, without the paper's italics marks. */
function fold(text: string): string {
  return foldAccents(text).replace(/\*/g, '');
}

/** About `width` characters of `text` around `at`, cut at spaces. */
function excerpt(text: string, at: number, width = 70): string {
  const plain = text.replace(/\*/g, '');
  if (plain.length <= width) return plain;
  let start = Math.max(0, at - Math.floor(width / 3));
  if (start > 0) start = plain.indexOf(' ', start) + 1 || start;
  let end = Math.min(plain.length, start + width);
  if (end < plain.length) end = plain.lastIndexOf(' ', end) > start ? plain.lastIndexOf(' ', end) : end;
  return `${start > 0 ? '…' : ''}${plain.slice(start, end)}${end < plain.length ? '…' : ''}`;
}

const BY_NUMBER = /^\s*(?:[A-Za-z]+\/\d+\s*)?(?:§+|paras?\.|par\.|párrs?\.)?\s*(\d+)\s*(?:\(?([a-z])\)?)?\s*$/i;

/** Paragraphs and sub-paragraphs matching `query`, in paper order; every paragraph for an empty query. */
export function searchPassages(corpus: Corpus, query: string, limit = 200): PassageSymbol[] {
  const out: PassageSymbol[] = [];
  const number = BY_NUMBER.exec(query);
  const terms = fold(query).split(/\s+/).filter((w) => w !== '');
  for (const paper of corpus.papers) {
    for (const p of paper.data.paragraphs) {
      const container = paper.section(p)?.heading ?? '';
      const label = (sub?: SubParagraph) => `${paper.symbol} §${p.number}${sub ? `(${sub.letter})` : ''}`;
      if (number) {
        const digits = number[1]!;
        const letter = number[2]?.toLowerCase();
        if (!String(p.number).startsWith(String(Number(digits)))) continue;
        if (!letter) out.push({ paper, paragraph: p, name: `${label()} — ${firstWords(p.text)}`, container, line: p.line });
        for (const s of p.subParagraphs) {
          if ((letter === undefined && String(p.number) === String(Number(digits))) || (letter === s.letter && String(p.number) === String(Number(digits)))) {
            out.push({ paper, paragraph: p, sub: s, name: `${label(s)} — ${firstWords(s.text)}`, container, line: s.line });
          }
        }
        continue;
      }
      const whole = fold([p.text, ...p.subParagraphs.map((s) => s.text)].join(' '));
      if (!terms.every((w) => whole.includes(w))) continue;
      const own = fold(p.text);
      const at = terms.length > 0 ? own.indexOf(terms[0]!) : 0;
      // A match only in a sub-paragraph shows that sub-paragraph, not the lead-in.
      if (terms.length === 0 || terms.every((w) => own.includes(w))) {
        out.push({ paper, paragraph: p, name: `${label()} — ${excerpt(p.text, Math.max(0, at))}`, container, line: p.line });
      }
      for (const s of terms.length > 0 ? p.subParagraphs : []) {
        const text = fold(s.text);
        if (terms.every((w) => text.includes(w) || own.includes(w)) && terms.some((w) => text.includes(w))) {
          const first = terms.map((w) => text.indexOf(w)).filter((i) => i >= 0)[0] ?? 0;
          out.push({ paper, paragraph: p, sub: s, name: `${label(s)} — ${excerpt(s.text, first)}`, container, line: s.line });
        }
      }
      if (out.length >= limit) return out;
    }
  }
  return out.slice(0, limit);
}

export type OutlineKind = 'part' | 'heading' | 'paragraph' | 'subParagraph';

export interface OutlineNode {
  kind: OutlineKind;
  name: string;
  detail?: string;
  /** Zero-based lines, inclusive. */
  line: number;
  endLine: number;
  children: OutlineNode[];
}

/**
 * The rendering's outline: parts, the headings inside them, paragraphs, sub-paragraphs.
 * `lastLine` is the rendering's last line of body text (before its footnotes).
 */
export function renderingOutline(paper: Paper, lastLine: number): OutlineNode[] {
  const { sections, paragraphs } = paper.data;
  const roots: OutlineNode[] = [];
  const nodes = sections.map((s): OutlineNode => ({ kind: s.level === 1 ? 'part' : 'heading', name: s.heading, line: s.line, endLine: s.line, children: [] }));
  let part: OutlineNode | undefined;
  for (const node of nodes) {
    if (node.kind === 'part' || !part) {
      roots.push(node);
      if (node.kind === 'part') part = node;
    } else part.children.push(node);
  }
  for (const p of paragraphs) {
    const lastSub = p.subParagraphs[p.subParagraphs.length - 1];
    const node: OutlineNode = {
      kind: 'paragraph',
      name: `${p.number}. ${firstWords(p.text, 50)}`,
      line: p.line,
      endLine: lastSub?.line ?? p.line,
      children: p.subParagraphs.map((s) => ({ kind: 'subParagraph' as const, name: `(${s.letter}) ${firstWords(s.text, 50)}`, line: s.line, endLine: s.line, children: [] })),
    };
    const section = nodes[p.section];
    if (section) section.children.push(node);
    else roots.push(node);
  }
  // A section runs to the line before the next section at its level or above.
  const close = (list: OutlineNode[], end: number) => {
    list.forEach((node, i) => {
      const next = list[i + 1];
      if (node.kind === 'part' || node.kind === 'heading') {
        node.endLine = Math.max(node.line, next ? next.line - 1 : end);
        close(node.children, node.endLine);
      }
    });
  };
  close(roots, lastLine);
  return roots;
}
