/**
 * Find all references across the workspace, from a citation or from a paragraph's line
 * in the paper's rendering, and the rendering's code lenses ("cited 3 times in this
 * workspace"), kept current as the workspace index changes.
 */
import { readFileSync } from 'node:fs';
import { CodeLensRefreshRequest, LSPErrorCodes, ResponseError, type ClientCapabilities, type CodeLens, type Location } from 'vscode-languageserver';
import { paperOfRendering, passageAt, passageAtLine, type PassageRef } from '../../core/features/references';
import type { ServerContext } from '../context';
import { pathToUri, uriToPath } from '../workspaceIndex';

/** Pause after the last index change before asking the client to redraw lenses. */
const LENS_REFRESH_MS = 300;

export function registerReferences(ctx: ServerContext): { initialize(capabilities: ClientCapabilities): void } {
  const { connection } = ctx;
  let refreshSupport = false;
  let refreshTimer: NodeJS.Timeout | undefined;

  const renderingOf = (uri: string) => {
    const path = uriToPath(uri);
    return path ? paperOfRendering(ctx.corpus, path) : undefined;
  };

  connection.onReferences(async ({ textDocument, position, context }, token) => {
    let passage: PassageRef | undefined;
    const paper = renderingOf(textDocument.uri);
    if (paper) passage = passageAtLine(paper, position.line);
    else {
      const at = ctx.documents.get(textDocument.uri)?.at(position);
      if (at) passage = passageAt(at.draft, ctx.corpus, at.offset);
    }
    if (!passage) return null;
    await ctx.workspaceIndex.ready;
    // Indexing a large workspace takes a while: a client that gave up meanwhile is told so.
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    const locations: Location[] = ctx.workspaceIndex.references(passage);
    if (context.includeDeclaration) {
      const p = passage.paper.paragraph(passage.paragraph)!;
      const note = passage.note === undefined ? undefined : passage.paper.footnote(passage.note);
      const line = note?.line ?? ((passage.letter && passage.paper.subParagraph(p.number, passage.letter)?.line) || p.line);
      locations.unshift({ uri: pathToUri(passage.paper.renderingPath), range: { start: { line, character: 0 }, end: { line, character: 0 } } });
    }
    return locations;
  });

  connection.onCodeLens(async ({ textDocument }) => {
    const paper = renderingOf(textDocument.uri);
    if (!paper) return null;
    await ctx.workspaceIndex.ready;
    const counts = ctx.workspaceIndex.citationCounts(paper.symbol);
    const doc = ctx.documents.get(textDocument.uri);
    let lines: string[] | undefined;
    const lineLength = (line: number): number => {
      if (doc) return doc.text.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '').length;
      try {
        lines ??= readFileSync(paper.renderingPath, 'utf8').split(/\r?\n/);
      } catch {
        lines = [];
      }
      return lines[line]?.length ?? 0;
    };
    const lens = (line: number, count: number): CodeLens => {
      const title = count === 0 ? ctx.t('codeLens.notCited') : ctx.t('codeLens.cited', { count });
      // An empty command id: the lens is a label; Find All References is one keystroke away.
      return { range: { start: { line, character: 0 }, end: { line, character: lineLength(line) } }, command: { title, command: '' } };
    };
    return [
      ...paper.data.paragraphs.map((p) => lens(p.line, counts.get(String(p.number)) ?? 0)),
      ...paper.data.footnotes.map((f) => lens(f.line, counts.get(`n${f.number}`) ?? 0)),
    ];
  });

  const refreshLenses = () => {
    if (!refreshSupport) return;
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => void connection.sendRequest(CodeLensRefreshRequest.type), LENS_REFRESH_MS);
  };
  ctx.workspaceIndex.onChange(refreshLenses);
  ctx.onLanguageChange(refreshLenses);

  return {
    initialize(capabilities) {
      refreshSupport = capabilities.workspace?.codeLens?.refreshSupport === true;
    },
  };
}
