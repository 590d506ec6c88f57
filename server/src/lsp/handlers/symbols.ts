/**
 * Workspace symbols (the paper's paragraphs by number or words) and document symbols
 * (the outline of the paper's Markdown rendering; drafts get theirs from Markdown tools).
 */
import { readFileSync } from 'node:fs';
import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver';
import { paperOfRendering } from '../../core/features/references';
import { renderingOutline, searchPassages, type OutlineKind, type OutlineNode } from '../../core/features/symbols';
import type { ServerContext } from '../context';
import { pathToUri, uriToPath } from '../workspaceIndex';

const KIND: Record<OutlineKind, SymbolKind> = {
  part: SymbolKind.Module,
  heading: SymbolKind.Namespace,
  paragraph: SymbolKind.String,
  subParagraph: SymbolKind.Key,
};

export function registerSymbols(ctx: ServerContext): void {
  const { connection } = ctx;

  connection.onWorkspaceSymbol(({ query }): SymbolInformation[] =>
    searchPassages(ctx.corpus, query).map((s) => ({
      name: s.name,
      kind: s.sub ? SymbolKind.Key : SymbolKind.String,
      containerName: s.container,
      location: { uri: pathToUri(s.paper.renderingPath), range: { start: { line: s.line, character: 0 }, end: { line: s.line, character: 0 } } },
    })),
  );

  connection.onDocumentSymbol(({ textDocument }) => {
    const path = uriToPath(textDocument.uri);
    const paper = path ? paperOfRendering(ctx.corpus, path) : undefined;
    if (!paper) return null;
    let text = ctx.documents.get(textDocument.uri)?.text.getText();
    if (text === undefined) {
      try {
        text = readFileSync(paper.renderingPath, 'utf8');
      } catch {
        return null;
      }
    }
    const lines = text.split(/\r?\n/);
    const firstNote = paper.data.footnotes.reduce((min, f) => Math.min(min, f.line), lines.length);
    // The body ends before the rule above the footnotes.
    let last = firstNote - 1;
    while (last > 0 && /^\s*(?:---+)?\s*$/.test(lines[last] ?? '')) last--;
    const toSymbol = (node: OutlineNode): DocumentSymbol => {
      const endLine = Math.min(node.endLine, lines.length - 1);
      return {
        name: node.name,
        kind: KIND[node.kind],
        range: { start: { line: node.line, character: 0 }, end: { line: endLine, character: lines[endLine]?.length ?? 0 } },
        selectionRange: { start: { line: node.line, character: 0 }, end: { line: node.line, character: lines[node.line]?.length ?? 0 } },
        children: node.children.map(toSymbol),
      };
    };
    return renderingOutline(paper, last).map(toSymbol);
  });
}
