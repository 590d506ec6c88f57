/** Hover, go-to-definition and completion: look up the document, call the core, convert. */
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem } from 'vscode-languageserver';
import { pathToFileURL } from 'node:url';
import { complete } from '../../core/features/completion';
import { definition } from '../../core/features/definition';
import { hover } from '../../core/features/hover';
import type { ServerContext } from '../context';

export function registerNavigation(ctx: ServerContext): void {
  const { connection } = ctx;

  connection.onHover(({ textDocument, position }) => {
    const doc = ctx.documents.get(textDocument.uri);
    if (!doc) return null;
    const result = hover(doc.draft, ctx.corpus, doc.offsetAt(position), ctx.t);
    if (!result) return null;
    return { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: doc.rangeOf(result.start, result.end) };
  });

  connection.onDefinition(({ textDocument, position }) => {
    const doc = ctx.documents.get(textDocument.uri);
    if (!doc) return null;
    const result = definition(doc.draft, ctx.corpus, doc.offsetAt(position));
    if (!result) return null;
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

  connection.onCompletion(({ textDocument, position }) => {
    const doc = ctx.documents.get(textDocument.uri);
    if (!doc) return null;
    const list = complete(doc.draft, ctx.corpus, doc.offsetAt(position), ctx.t);
    const items: CompletionItem[] = list.items.map((item) => ({
      label: item.label,
      labelDetails: { description: item.detail },
      kind: item.kind === 'symbol' ? CompletionItemKind.Reference : CompletionItemKind.Value,
      detail: item.detail,
      documentation: { kind: MarkupKind.Markdown, value: item.documentation },
      filterText: item.filterText,
      sortText: item.sortText,
      insertTextFormat: InsertTextFormat.PlainText,
      textEdit: { range: doc.rangeOf(item.start, item.end), newText: item.insertText },
    }));
    return { isIncomplete: list.incomplete, items };
  });
}
