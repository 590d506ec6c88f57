/**
 * Stands in for the `entities` package in the bundled server and CLI (esbuild `alias`;
 * tests and tools use the real one). markdown-it's block parser needs only
 * `decodeHTML`, and only through `unescapeAll` on a reference definition's destination
 * and title, and of those only one thing can change the block structure: whether
 * `validateLink(normalizeLink(destination))` rejects a `javascript:`, `vbscript:`,
 * `file:` or `data:` link, which turns the definition back into a paragraph.
 *
 * That test looks at the destination's start, trimmed and lower-cased. A named entity
 * can only change it by decoding to a letter, `:`, `/`, `;` or white space; any
 * other character stops the scheme from matching whether it is decoded or not. Those
 * 20 entities (of HTML's 2,125) are decoded exactly as `entities` 4.5 decodes them; the
 * rest stay as written. This saves the 75 KB decoding table, a fifth of the server.
 * markdown.test.ts checks the table against the real package.
 */
export const DECODED_NAMED_ENTITIES: Readonly<Record<string, string>> = {
  MediumSpace: "\u205f",
  NewLine: "\n",
  NonBreakingSpace: "\u00a0",
  Tab: "\t",
  ThickSpace: "\u205f\u200a",
  ThinSpace: "\u2009",
  VeryThinSpace: "\u200a",
  colon: ":",
  emsp13: "\u2004",
  emsp14: "\u2005",
  emsp: "\u2003",
  ensp: "\u2002",
  fjlig: "fj",
  hairsp: "\u200a",
  nbsp: "\u00a0",
  numsp: "\u2007",
  puncsp: "\u2008",
  semi: ";",
  sol: "/",
  thinsp: "\u2009",
};

const RELEVANT = /^[A-Za-z:/;]$|^\s$/;

/** A character as `entities` decodes `&#…` (invalid code points become U+FFFD), if relevant. */
function relevantCodePoint(cp: number): string | undefined {
  if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) || (cp >= 0x80 && cp <= 0x9f)) return undefined;
  const c = String.fromCodePoint(cp);
  return RELEVANT.test(c) ? c : undefined;
}

/**
 * `decodeHTML` as markdown-it calls it: on one `&name;` it could not decode itself. Named
 * entities from the table above; `&nbsp` without its semicolon (`&nbspx;` is `\u00a0x;`);
 * numeric ones markdown-it passes on (`&#58x;` is `:x;`). Anything else is returned as it
 * is, where `entities` would decode it to a character that cannot start a scheme.
 */
export function decodeHTML(str: string): string {
  const numeric = /^&#(?:[xX]([0-9a-fA-F]+)|([0-9]+))(;?)/.exec(str);
  if (numeric) {
    const cp = numeric[1] !== undefined ? parseInt(numeric[1], 16) : parseInt(numeric[2]!, 10);
    const c = relevantCodePoint(cp);
    return c === undefined ? str : c + str.slice(numeric[0].length);
  }
  const named = /^&([A-Za-z][A-Za-z0-9]*);$/.exec(str);
  if (!named) return str;
  const name = named[1]!;
  if (Object.hasOwn(DECODED_NAMED_ENTITIES, name)) return DECODED_NAMED_ENTITIES[name]!;
  if (name.startsWith('nbsp') && !FULL_NAMES_STARTING_WITH_NBSP.has(name)) return `\u00a0${str.slice(5)}`;
  return str;
}

/** Entities whose name starts with `nbsp` but which are not `&nbsp` followed by text. */
const FULL_NAMES_STARTING_WITH_NBSP = new Set(['nbsp']);
