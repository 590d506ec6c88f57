/** Hover, go-to-definition and completion: look up the document, call the core, convert. */
import { CompletionItemKind, InsertTextFormat, MarkupKind, type ClientCapabilities, type CompletionItem, type Range } from 'vscode-languageserver';
import { complete, completionDocumentation, type CompletionKind, type CompletionTarget } from '../../core/features/completion';
import { definition } from '../../core/features/definition';
import { hover } from '../../core/features/hover';
import type { ServerContext } from '../context';
import { pathToUri } from '../workspaceIndex';

export function registerNavigation(ctx: ServerContext): { initialize(capabilities: ClientCapabilities): void } {
  const { connection } = ctx;

  // Markdown values go out without `isTrusted`: command links in them stay inert, and
  // the data's text is escaped by core/features/render.ts.
  connection.onHover(({ textDocument, position }) => {
    const at = ctx.documents.get(textDocument.uri)?.at(position);
    const result = at && hover(at.draft, ctx.corpus, at.offset, ctx.t);
    if (!at || !result) return null;
    return { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: at.rangeOf(result.start, result.end) };
  });

  connection.onDefinition(({ textDocument, position }) => {
    const at = ctx.documents.get(textDocument.uri)?.at(position);
    const found = at && definition(at.draft, ctx.corpus, at.offset);
    if (!at || !found) return null;
    const line = { start: { line: found.line, character: 0 }, end: { line: found.line + 1, character: 0 } };
    return [
      {
        originSelectionRange: at.rangeOf(found.originStart, found.originEnd),
        targetUri: pathToUri(found.path),
        targetRange: line,
        targetSelectionRange: { start: line.start, end: line.start },
      },
    ];
  });

  // Clients that resolve items lazily get the paragraph's text on resolve; the others get
  // it inline.
  let resolvesDocumentation = false;
  // Clients that take list defaults (VS Code does) get compact lists; see onCompletion.
  let compactLists = false;
  connection.onCompletion(({ textDocument, position }) => {
    const at = ctx.documents.get(textDocument.uri)?.at(position);
    if (!at) return null;
    const list = complete(at.draft, ctx.corpus, at.offset, ctx.t);
    // Every item of a list replaces the same span: one range for all, not one per item.
    let span: { start: number; end: number; range: Range } | undefined;
    const rangeOf = (start: number, end: number): Range => {
      if (span?.start !== start || span.end !== end) span = { start, end, range: at.rangeOf(start, end) };
      return span.range;
    };
    const first = list.items[0];
    if (compactLists && first && list.items.every((i) => i.start === first.start && i.end === first.end)) {
      // The shared range and what the items' targets have in common go once, as the
      // list's defaults; resolve reads the rest from the label. 27 paragraphs are then
      // under 4 KB, the size Node still encodes into its shared buffer pool: larger
      // answers on every keystroke piled up external memory and full collections.
      const data: CompactData = { kind: first.kind, symbol: first.target.symbol, ...(first.kind === 'subParagraph' ? { paragraph: first.target.paragraph } : {}) };
      return {
        isIncomplete: list.incomplete,
        itemDefaults: { editRange: rangeOf(first.start, first.end), data },
        items: list.items.map((item) => ({
          label: item.label,
          labelDetails: { description: item.detail },
          kind: item.kind === 'symbol' ? CompletionItemKind.Reference : CompletionItemKind.Value,
          sortText: item.sortText,
          ...(item.filterText !== item.label ? { filterText: item.filterText } : {}),
          ...(item.insertText !== item.label ? { textEditText: item.insertText } : {}),
        })),
      };
    }
    const items: CompletionItem[] = list.items.map((item) => ({
      label: item.label,
      labelDetails: { description: item.detail },
      kind: item.kind === 'symbol' ? CompletionItemKind.Reference : CompletionItemKind.Value,
      detail: item.detail,
      ...(resolvesDocumentation ? { data: item.target } : { documentation: { kind: MarkupKind.Markdown, value: item.documentation } }),
      filterText: item.filterText,
      sortText: item.sortText,
      insertTextFormat: InsertTextFormat.PlainText,
      textEdit: { range: rangeOf(item.start, item.end), newText: item.insertText },
    }));
    return { isIncomplete: list.incomplete, items };
  });

  connection.onCompletionResolve((item) => {
    const target = targetOfResolved(item);
    if (!target || typeof target.symbol !== 'string' || item.documentation) return item;
    const value = completionDocumentation(ctx.corpus, target as CompletionTarget, ctx.t);
    return value === undefined ? item : { ...item, documentation: { kind: MarkupKind.Markdown, value } };
  });

  return {
    initialize(capabilities) {
      const completion = capabilities.textDocument?.completion;
      const properties = completion?.completionItem?.resolveSupport?.properties;
      resolvesDocumentation = Array.isArray(properties) && properties.includes('documentation');
      const defaults = completion?.completionList?.itemDefaults;
      compactLists =
        resolvesDocumentation &&
        completion?.completionItem?.labelDetailsSupport === true &&
        Array.isArray(defaults) &&
        defaults.includes('editRange') &&
        defaults.includes('data');
    },
  };
}

/** A compact list's default `data`: what its items' targets share (see onCompletion). */
interface CompactData {
  kind: CompletionKind;
  symbol: string;
  paragraph?: number;
}

/**
 * The target of an item sent back for resolving: in full in its `data`, or for an item of
 * a compact list, the list's shared part plus its label (`16`, `(b)`, `CRP/43`).
 */
function targetOfResolved(item: CompletionItem): Partial<CompletionTarget> | undefined {
  const data = item.data as (Partial<CompletionTarget> & Partial<CompactData>) | undefined;
  if (!data || typeof data !== 'object') return undefined;
  switch (data.kind) {
    case 'paragraph':
      return /^\d+$/.test(item.label) ? { symbol: data.symbol, paragraph: Number(item.label) } : undefined;
    case 'subParagraph': {
      const letter = /^\(?([a-z])\)$/.exec(item.label)?.[1];
      return letter && typeof data.paragraph === 'number' ? { symbol: data.symbol, paragraph: data.paragraph, letter } : undefined;
    }
    case 'footnote':
      return /^\d+$/.test(item.label) ? { symbol: data.symbol, note: Number(item.label) } : undefined;
    case 'symbol':
      return { symbol: item.label };
    default:
      return data;
  }
}
