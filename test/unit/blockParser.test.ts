/**
 * Drafts' blocks come from markdown-it (server/src/core/blockParser.ts) with one rule
 * added, footnote definitions read as prose: held here against markdown-it as it comes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { describe, expect, it } from 'vitest';
import { createBlockParser } from '../../server/src/core/blockParser';

describe('the block parser', () => {
  const full = new MarkdownIt('default', { html: true });
  const ours = createBlockParser();
  const blocks = (md: MarkdownIt, text: string) => {
    const tokens: Token[] = [];
    md.block.parse(text, md, {}, tokens);
    return tokens.map((t) => `${t.type} ${t.level} ${t.map?.join('-') ?? ''} ${t.info} ${JSON.stringify(t.content)}`);
  };

  it('gives the same blocks as markdown-it on the example drafts', () => {
    const folder = join(__dirname, '..', '..', 'examples');
    for (const name of readdirSync(folder).filter((n) => n.endsWith('.md'))) {
      const text = readFileSync(join(folder, name), 'utf8');
      expect(blocks(ours, text), name).toEqual(blocks(full, text));
    }
  });

  it('gives the same blocks on random Markdown, reference definitions included', () => {
    const lines = ['', 'Prose CRP/43 §6.', '# Heading', '```', '~~~', '    indented', '> quote', '- item', '1. item', '<div>', '</div>', '<!-- note', '-->', '[r]: /url', '[r]: javascript&colon;alert(1)', '[r]: &nbsp;javascript:x', '[r]: <&#106;avascript:x>', '[s]: data:image/png;base64,x', '"title"', '***', '| a | b |', '| - | - |', '==='];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...lines), { maxLength: 14 }), (chosen) => {
        const text = chosen.join('\n');
        expect(blocks(ours, text)).toEqual(blocks(full, text));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads a footnote definition as a paragraph of prose, where CommonMark sees a reference definition', () => {
    const text = 'See the note.[^1]\n\n[^1]: CRP/43\n';
    expect(blocks(ours, text).filter((b) => b.startsWith('paragraph_open'))).toHaveLength(2);
    expect(blocks(full, text).filter((b) => b.startsWith('paragraph_open'))).toHaveLength(1);
  });
});
