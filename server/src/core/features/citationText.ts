/**
 * Writes a citation the way the grammar reads it, in the style a writer chose:
 *
 *   section  CRP/43 §6(a)
 *   para     CRP/43, para. 6(a)
 *   local    the UI language's own word: para. (en), par. (fr), párr. (es)
 *
 * The marks are the grammar's own spellings (grammar.ts MARKS), so whatever is inserted
 * is found again as a citation.
 */
import type { CitationStyle, ServerLanguage } from '../../protocol';

const LOCAL_MARK: Record<ServerLanguage, string> = { en: 'para.', fr: 'par.', es: 'párr.' };

export function formatCitation(
  symbol: string,
  paragraph: number,
  subParagraph: string | undefined,
  style: CitationStyle,
  language: ServerLanguage,
): string {
  const reference = subParagraph ? `${paragraph}(${subParagraph})` : String(paragraph);
  if (style === 'section') return `${symbol} §${reference}`;
  const mark = style === 'para' ? 'para.' : LOCAL_MARK[language];
  return `${symbol}, ${mark} ${reference}`;
}
