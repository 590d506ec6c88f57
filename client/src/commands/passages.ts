/**
 * The commands' pure parts, kept apart from `vscode` so they are unit-tested: the quick
 * pick's items and the rendering line of a passage.
 */
import type { Outline } from '../../../server/src/protocol';
import type { Target } from '../panel/messages';

/** A quick pick item (structurally `vscode.QuickPickItem`) that knows its passage. */
export interface PassagePick {
  label: string;
  description: string;
  detail: string;
  target: Target;
}

/** One item per paragraph and sub-paragraph: the number as label, the heading, the text as detail. */
export function passagePicks(outline: Outline): PassagePick[] {
  const picks: PassagePick[] = [];
  for (const p of outline.paragraphs) {
    const heading = outline.sections[p.section]?.heading ?? '';
    picks.push({ label: String(p.number), description: heading, detail: p.text.replace(/\*/g, ''), target: { paragraph: p.number } });
    for (const s of p.subParagraphs) {
      picks.push({
        label: `${p.number}(${s.letter})`,
        description: heading,
        detail: s.text.replace(/\*/g, ''),
        target: { paragraph: p.number, subParagraph: s.letter },
      });
    }
  }
  return picks;
}

/** The rendering's line for a target, or undefined when the paper has no such passage. */
export function lineOf(outline: Outline, target: Target): number | undefined {
  const p = outline.paragraphs.find((q) => q.number === target.paragraph);
  if (!p) return undefined;
  if (target.footnote !== undefined) {
    const note = [...p.footnotes, ...p.subParagraphs.flatMap((s) => s.footnotes)].find((f) => f.number === target.footnote);
    if (note) return note.line;
  }
  if (target.subParagraph) return p.subParagraphs.find((s) => s.letter === target.subParagraph)?.line ?? p.line;
  return p.line;
}
