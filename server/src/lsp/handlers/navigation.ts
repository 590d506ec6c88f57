/** Hover, go-to-definition and completion: look up the document, call the core, convert. */
import { CompletionItemKind, InsertTextFormat, MarkupKind, type ClientCapabilities, type CompletionItem, type Range } from 'vscode-languageserver';
import { pathToFileURL } from 'node:url';
import { complete, completionDocumentation, type CompletionTarget } from '../../core/features/completion';
import { definition } from '../../core/features/definition';
import { hover } from '../../core/features/hover';
import type { ServerContext } from '../context';

export function registerNavigation(ctx: ServerContext): { initialize(capabilities: ClientCapabilities): void } {
  const { connection } = ctx;

  // Markdown values go out without `isTrusted`: command links in them stay inert, and
  // the data's text is escaped by core/features/render.ts.
  connection.onHover(({ textDocument, position }) => {
    const doc = ctx.documents.get(textDocument.uri);
    if (!doc) return null;
    const offset = doc.offsetAt(position);
    const { draft, base } = doc.draftAround(offset);
    const result = hover(draft, ctx.corpus, offset - base, ctx.t);
    if (!result) return null;
    return { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: doc.rangeOf(base + result.start, base + result.end) };
  });

  connection.onDefinition(({ textDocument, position }) => {
    const doc = ctx.documents.get(textDocument.uri);
    if (!doc) return null;
    const offset = doc.offsetAt(position);
    const { draft, base } = doc.draftAround(offset);
    const found = definition(draft, ctx.corpus, offset - base);
    if (!found) return null;
    const result = { ...found, originStart: base + found.originStart, originEnd: base + found.originEnd };
    const line = { start: { line: result.line, character: 0 }, end: { line: result.line + 1, character: 0 } };
    return [
      {
        originSelectionRange: doc.rangeOf(result.originStart, result.originEnd),
        targetUri: pathToFileURL(result.path).toString(),
        targetRange: line,
        targetSelectionRange: { start: line.start, end: line.start },
      },
    ];
  });

  // Clients that resolve items lazily get the paragraph's text on resolve; the others get
  // it inline.
  let resolvesDocumentation = false;
  connection.onCompletion(({ textDocument, position }) => {
    const doc = ctx.documents.get(textDocument.uri);
    if (!doc) return null;
    const offset = doc.offsetAt(position);
    const { draft, base } = doc.draftAround(offset);
    const list = complete(draft, ctx.corpus, offset - base, ctx.t);
    // Every item of a list replaces the same span: one range for all, not one per item.
    let span: { start: number; end: number; range: Range } | undefined;
    const rangeOf = (start: number, end: number): Range => {
      if (span?.start !== start || span.end !== end) span = { start, end, range: doc.rangeOf(base + start, base + end) };
      return span.range;
    };
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
    const target = item.data as Partial<CompletionTarget> | undefined;
    if (!target || typeof target.symbol !== 'string' || item.documentation) return item;
    const value = completionDocumentation(ctx.corpus, target as CompletionTarget, ctx.t);
    return value === undefined ? item : { ...item, documentation: { kind: MarkupKind.Markdown, value } };
  });

  return {
    initialize(capabilities) {
      const properties = capabilities.textDocument?.completion?.completionItem?.resolveSupport?.properties;
      resolvesDocumentation = Array.isArray(properties) && properties.includes('documentation');
    },
  };
}
