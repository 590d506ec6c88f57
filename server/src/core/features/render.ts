/**
 * The paper's text as Markdown for hovers and completion documentation. The paper's
 * own words stay in English, as published; only our labels are translated.
 *
 * The data's text is Markdown (its italics are `*...*`), but nothing in it may become
 * HTML: angle brackets are escaped unless they form an http(s) autolink, as in footnote 5.
 * Nor may it become a link or an image: `[x](command:...)`, `[x](javascript:...)` or
 * `![](https://tracker)` in a data file must read as text, so square brackets are
 * escaped too (the data cites no links that way), and backslashes, or `\[` in the data
 * would undo the escape (found by the robustness property). Hovers are sent without `isTrusted`
 * as well, so even a link that got through could not run a command.
 */
import type { Footnote, Paper, Paragraph, SubParagraph } from '../corpus';
import type { Translate } from '../../i18n';

/** The data's text, safe as Markdown in a hover (no HTML, no link, no image): see above. */
export function escapeMarkdown(text: string): string {
  return text
    .split(/(<https?:\/\/[^\s<>]+>)/)
    .map((part, i) =>
      i % 2 === 1 ? part : part.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/[\\[\]]/g, (b) => `\\${b}`),
    )
    .join('');
}

/**
 * The footnotes called from a passage, beneath it, with their markers. The label and the
 * note are set apart by a dash, not a colon: a colon written here in code came out as
 * "Note de bas de page 1:" in French, which wants "1 :"; a dash reads right in every language.
 */
function footnotesBlock(paper: Paper, paragraph: Paragraph, sub: SubParagraph | undefined, t: Translate): string[] {
  return paper
    .footnotesOf(paragraph.number, sub?.letter).map((f) => `${escapeMarkdown(f.marker)} *${t('hover.footnote', { number: f.number })}* — ${escapeMarkdown(f.text)}`);
}

/** A paragraph (with all its sub-paragraphs) or one sub-paragraph, titled, with its footnotes. */
const rendered = new WeakMap<Paper, WeakMap<Translate, Map<string, string>>>();

/**
 * `renderPassage`, remembered per paper and translator: completion after `§` renders
 * every paragraph of the paper on each keystroke, hovers the same few again and again.
 */
export function renderPassage(paper: Paper, paragraph: Paragraph, sub: SubParagraph | undefined, t: Translate): string {
  let byTranslator = rendered.get(paper);
  if (!byTranslator) rendered.set(paper, (byTranslator = new WeakMap()));
  let passages = byTranslator.get(t);
  if (!passages) byTranslator.set(t, (passages = new Map()));
  const key = sub ? `${paragraph.number}(${sub.letter})` : String(paragraph.number);
  let markdown = passages.get(key);
  if (markdown === undefined) passages.set(key, (markdown = renderPassageNow(paper, paragraph, sub, t)));
  return markdown;
}

/** `CRP/43 · Paragraph 6`, `… · Sub-paragraph 6(a)`, `… · Footnote 2`: a passage's title in hovers and the preview. */
export function passageTitle(paper: Paper, c: { paragraph: Paragraph; sub?: SubParagraph; footnote?: Footnote }, t: Translate): string {
  const label = c.footnote
    ? t('hover.footnote', { number: c.footnote.number })
    : c.sub
      ? t('hover.subParagraph', { number: c.paragraph.number, letter: c.sub.letter })
      : t('hover.paragraph', { number: c.paragraph.number });
  return `${paper.symbol} · ${label}`;
}

function renderPassageNow(paper: Paper, paragraph: Paragraph, sub: SubParagraph | undefined, t: Translate): string {
  const heading = paper.section(paragraph)?.heading;
  const lines = [`**${passageTitle(paper, { paragraph, sub }, t)}**${heading ? ` — *${t('hover.underHeading', { heading: escapeMarkdown(heading) })}*` : ''}`, ''];
  lines.push(`${paragraph.number}. ${escapeMarkdown(paragraph.text)}`);
  const subs = sub ? [sub] : paragraph.subParagraphs;
  for (const s of subs) {
    lines.push('');
    lines.push(`(${s.letter}) ${escapeMarkdown(s.text)}`);
  }
  const notes = footnotesBlock(paper, paragraph, sub, t);
  if (notes.length > 0) {
    lines.push('', '---');
    for (const n of notes) lines.push('', n);
  }
  return lines.join('\n');
}

/** A footnote, titled, with the passage it is called from. */
export function renderFootnote(paper: Paper, footnote: Footnote, t: Translate): string {
  const { paragraph, subParagraph } = footnote.calledFrom;
  const from = subParagraph ? `${paragraph}(${subParagraph})` : String(paragraph);
  return [`**${paper.symbol} · ${t('hover.footnote', { number: footnote.number })}** — *${t('hover.calledFrom', { reference: from })}*`, '', `${escapeMarkdown(footnote.marker)} ${escapeMarkdown(footnote.text)}`].join('\n');
}

/** A covered passage as hovers show it: a paragraph or sub-paragraph, or a footnote. */
export function renderCovered(paper: Paper, c: { paragraph: Paragraph; sub?: SubParagraph; footnote?: Footnote }, t: Translate): string {
  return c.footnote ? renderFootnote(paper, c.footnote, t) : renderPassage(paper, c.paragraph, c.sub, t);
}

/** The start of a paragraph's text, cut at a word boundary: completion labels, outlines. */
export function firstWords(text: string, max = 60): string {
  const plain = text.replace(/\*/g, '');
  if (plain.length <= max) return plain;
  const cut = plain.lastIndexOf(' ', max);
  return `${plain.slice(0, cut > 20 ? cut : max)}…`;
}
