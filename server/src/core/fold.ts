/**
 * Lower case without accents (`Párrafo` → `párrafo` → `parrafo`): how a search or a word
 * comparison matches what writers type, with or without the paper's accents. Marks are
 * taken off after canonical decomposition, so a precomposed letter stays one character:
 * the panel's search highlights matches at the same offsets in the original text.
 */
export function foldAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
