/**
 * Writes a citation the way the grammar reads it, in the style a writer chose:
 *
 *   section  CRP/43 §6(a)
 *   para     CRP/43, para. 6(a)
 *   local    the UI language's own word: para. (en), par. (fr), párr. (es)
 *
 * The marks are the grammar's written ones (grammar/words.ts, WRITTEN_MARKS), so whatever is
 * inserted is found again as a citation.
 */
import type { CitationStyle, Language } from '../../settings';
import { writtenMarks } from '../grammar';

export function formatCitation(
  symbol: string,
  paragraph: number,
  subParagraph: string | undefined,
  style: CitationStyle,
  language: Language,
): string {
  const reference = subParagraph ? `${paragraph}(${subParagraph})` : String(paragraph);
  const mark = writtenMarks(style, language).one;
  return style === 'section' ? `${symbol} ${mark}${reference}` : `${symbol}, ${mark} ${reference}`;
}
