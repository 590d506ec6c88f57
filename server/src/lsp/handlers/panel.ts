/**
 * The side panel's requests (see protocol.ts): look up the paper or the document, call
 * the pure core, convert paths to URIs. Nothing here is specific to VS Code: any client
 * may send these requests.
 */
import type { Paper } from '../../core/corpus';
import { formatCitation } from '../../core/features/citationText';
import { annexMarkdown, annexOf } from '../../core/features/annex';
import { lineStarts, positionAt } from '../../core/lines';
import { citedPassageAt, countCitations, firstCitationOffsets, outlineOf } from '../../core/features/outline';
import {
  AnnexRequest,
  CitationAtRequest,
  CitationCountsRequest,
  FormatCitationRequest,
  OutlineRequest,
  type CitationCounts,
} from '../../protocol';
import type { ServerContext } from '../context';
import { pathToUri } from '../workspaceIndex';

function toRecord(counts: Map<string, number>): Record<string, number> {
  const record: Record<string, number> = {};
  for (const [key, count] of counts) if (count > 0) record[key] = count;
  return record;
}

export function registerPanel(ctx: ServerContext): void {
  const { connection } = ctx;
  const paperOf = (symbol: string | undefined): Paper | undefined =>
    symbol === undefined ? ctx.corpus.papers[0] : ctx.corpus.paper(symbol);

  connection.onRequest(OutlineRequest, (params) => {
    const paper = paperOf(params?.symbol);
    if (!paper) return null;
    return { ...outlineOf(paper), renderingUri: pathToUri(paper.renderingPath) };
  });

  connection.onRequest(CitationCountsRequest, (params): CitationCounts | null => {
    const paper = paperOf(params?.symbol);
    if (!paper) return null;
    const doc = typeof params?.uri === 'string' ? ctx.documents.get(params.uri) : undefined;
    const citations = doc ? doc.draft.citations() : [];
    const firstCitation: CitationCounts['firstCitation'] = {};
    if (doc) for (const [key, offset] of firstCitationOffsets(paper, citations)) firstCitation[key] = doc.positionAt(offset);
    const workspace = ctx.workspaceIndex.citationCounts(paper.symbol);
    const quotations = ctx.workspaceIndex.quotationCounts(paper.symbol);
    return {
      symbol: paper.symbol,
      draft: toRecord(countCitations(paper, citations)),
      workspace: toRecord(workspace),
      firstCitation,
      quotations: Object.fromEntries(quotations),
    };
  });

  connection.onRequest(CitationAtRequest, (params) => {
    const doc = typeof params?.uri === 'string' ? ctx.documents.get(params.uri) : undefined;
    const at = doc && params.position ? doc.at(params.position) : undefined;
    return (at && citedPassageAt(at.draft, (s) => ctx.corpus.paper(s), at.offset)) ?? null;
  });

  connection.onRequest(AnnexRequest, (params) => {
    const doc = typeof params?.uri === 'string' ? ctx.documents.get(params.uri) : undefined;
    if (!doc) return null;
    // Links to the draft's own lines: the file's name, as the annex sits beside it or in it.
    const path = decodeURIComponent(params.uri.replace(/[?#].*$/, '').split('/').pop() ?? params.uri);
    const starts = lineStarts(doc.text.getText());
    const drafts = [{ path, citations: doc.draft.citations(), lineOf: (offset: number) => positionAt(starts, offset).line }];
    return { markdown: ctx.corpus.papers.map((paper) => annexMarkdown(annexOf(paper, drafts), ctx.t, false)).join('\n') };
  });

  connection.onRequest(FormatCitationRequest, (params) => {
    // `params` may be anything a client sends, `null` included (found by the protocol fuzz test).
    if (!params || typeof params !== 'object') return null;
    const paper = paperOf(params.symbol);
    const paragraph = paper && Number.isSafeInteger(params.paragraph) ? paper.paragraph(params.paragraph) : undefined;
    if (!paper || !paragraph) return null;
    const sub = params.subParagraph === undefined ? undefined : paper.subParagraph(paragraph.number, params.subParagraph);
    if (params.subParagraph !== undefined && !sub) return null;
    const style = params.style === 'para' || params.style === 'local' ? params.style : 'section';
    return { text: formatCitation(paper.symbol, paragraph.number, sub?.letter, style, ctx.language) };
  });
}
