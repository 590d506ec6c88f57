/**
 * The bundled server parses Markdown blocks with markdown-it's block parser alone and a
 * 20-entity stand-in for the `entities` package (see server/src/core/blockParser.ts and
 * shims/entities.ts). Both are size savings that must not change a single block: these
 * tests hold them against full markdown-it and the real `entities`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { decodeHTML as realDecodeHTML } from 'entities';
import { BinTrieFlags, determineBranch, htmlDecodeTree } from 'entities/lib/decode.js';
import { describe, expect, it } from 'vitest';
import { createBlockParser, normalizeLink, validateLink } from '../../server/src/core/blockParser';
import { decodeHTML as shimDecodeHTML, DECODED_NAMED_ENTITIES } from '../../server/src/core/shims/entities';

/** Every named entity HTML knows (terminated by `;`), read from the decoder's own trie. */
function allEntityNames(): string[] {
  const names: string[] = [];
  const chars = [...'0123456789;ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'].map((c) => c.charCodeAt(0));
  const walk = (index: number, prefix: string) => {
    const current = htmlDecodeTree[index]!;
    const valueLength = (current & BinTrieFlags.VALUE_LENGTH) >> 14;
    for (const c of chars) {
      const next = determineBranch(htmlDecodeTree, current, index + Math.max(1, valueLength), c);
      if (next < 0) continue;
      if (c === 59) {
        if ((htmlDecodeTree[next]! & BinTrieFlags.VALUE_LENGTH) >> 14) names.push(prefix);
      } else walk(next, prefix + String.fromCharCode(c));
    }
  };
  walk(0, '');
  return names;
}

/** A character that can start or continue a URL scheme, or be trimmed before one. */
const relevant = (s: string) => /^[A-Za-z:/;]/.test(s) || /^\s/.test(s);

describe('the entities stand-in', () => {
  const names = allEntityNames();

  it('knows every entity HTML defines', () => {
    expect(names.length).toBe(2125);
  });

  it('decodes exactly the entities that can change a link scheme, as `entities` does', () => {
    for (const name of names) {
      const real = realDecodeHTML(`&${name};`);
      if (relevant(real)) expect(shimDecodeHTML(`&${name};`), name).toBe(real);
      else expect(shimDecodeHTML(`&${name};`), name).toBe(`&${name};`);
    }
    expect(Object.keys(DECODED_NAMED_ENTITIES).length).toBe(20);
  });

  it('decodes numeric and unterminated entities markdown-it passes on, when they matter', () => {
    const cases = fc.sample(
      fc.tuple(
        fc.oneof(
          fc.integer({ min: 0, max: 0x11ffff }),
          fc.constantFrom(9, 10, 12, 13, 32, 47, 58, 59, 65, 97, 122, 0xa0, 0x2009, 0x3000, 0xfeff, 0x85, 0x212a, 0x130),
        ),
        fc.boolean(),
        fc.constantFrom('', 'x', 'g', 'zz', '0'.repeat(9)),
      ),
      3000,
    );
    for (const [cp, hex, tail] of cases) {
      const entity = hex ? `&#x${cp.toString(16)}${tail};` : `&#${cp}${tail};`;
      const real = realDecodeHTML(entity);
      const shim = shimDecodeHTML(entity);
      if (relevant(real)) expect(shim, entity).toBe(real);
      else expect(shim, entity).toBe(entity);
    }
    for (const name of ['nbspx', 'nbspjavascript', 'nbsp0', 'ampx', 'colonx', 'notit']) {
      const real = realDecodeHTML(`&${name};`);
      if (relevant(real)) expect(shimDecodeHTML(`&${name};`)).toBe(real);
      else expect(shimDecodeHTML(`&${name};`)).toBe(`&${name};`);
    }
  });

  /** markdown-it's `unescapeAll`, with the decoder to use passed in. */
  function unescapeAll(str: string, decode: (s: string) => string): string {
    return str.replace(/\\([!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~])|&([a-z#][a-z0-9]{1,31});/gi, (match, escaped, entity: string) => {
      if (escaped) return escaped;
      if (entity.charCodeAt(0) === 0x23 && /^#((?:x[a-f0-9]{1,8}|[0-9]{1,8}))$/i.test(entity)) return match;
      const decoded = decode(match);
      return decoded !== match ? decoded : match;
    });
  }

  it('accepts and rejects the same reference destinations as the real decoder', () => {
    const pieces = ['javascript', 'JavaScript', 'vbscript', 'file', 'data', 'data:image/png;', 'image', ':', '/', 'x', '&colon;', '&sol;', '&semi;', '&nbsp;', '&Tab;', '&NewLine;', '&fjlig;', '&#58;', '&#x3a;', '&#58x;', '&#x3Ag;', '&#0000000058;', '&#106;', '&nbspx;', '&amp;', '&lt;', '&copy;', '&Idot;', '&#8490;', '&#304q;', '&ensp;', '%20', ' ', '\u00a0', 'é', '\\:'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 8 }), (parts) => {
        const destination = parts.join('');
        const real = validateLink(normalizeLink(unescapeAll(destination, realDecodeHTML)));
        const shim = validateLink(normalizeLink(unescapeAll(destination, shimDecodeHTML)));
        expect(shim).toBe(real);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('the block parser alone', () => {
  const full = new MarkdownIt('default', { html: true });
  const alone = createBlockParser();
  const blocks = (md: MarkdownIt, text: string) => {
    const tokens: Token[] = [];
    md.block.parse(text, md, {}, tokens);
    return tokens.map((t) => `${t.type} ${t.level} ${t.map?.join('-') ?? ''} ${t.info} ${JSON.stringify(t.content)}`);
  };

  it('gives the same blocks as markdown-it on the example drafts', () => {
    const folder = join(__dirname, '..', '..', 'examples');
    for (const name of readdirSync(folder).filter((n) => n.endsWith('.md'))) {
      const text = readFileSync(join(folder, name), 'utf8');
      expect(blocks(alone, text), name).toEqual(blocks(full, text));
    }
  });

  it('gives the same blocks on random Markdown, reference definitions included', () => {
    const lines = ['', 'Prose CRP/43 §6.', '# Heading', '```', '~~~', '    indented', '> quote', '- item', '1. item', '<div>', '</div>', '<!-- note', '-->', '[r]: /url', '[r]: javascript&colon;alert(1)', '[r]: &nbsp;javascript:x', '[r]: <&#106;avascript:x>', '[s]: data:image/png;base64,x', '"title"', '***', '| a | b |', '| - | - |', '==='];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...lines), { maxLength: 14 }), (chosen) => {
        const text = chosen.join('\n');
        expect(blocks(alone, text)).toEqual(blocks(full, text));
      }),
      { numRuns: 3000 },
    );
  });
});
