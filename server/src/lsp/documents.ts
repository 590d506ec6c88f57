/**
 * Open Markdown documents: the LSP text (for offset ↔ position conversion) and the
 * citation index, updated together edit by edit. Both share the same string.
 *
 * A document longer than `maxSize` characters (`crpCite.maxDocumentSize`) is kept as text
 * only: indexing 20 MB costs seconds on every open and its diagnostics seconds more, so
 * its citations are neither checked nor counted, and hover, definition and completion
 * index the few blocks around the cursor on demand (`draftAround`).
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DidChangeTextDocumentParams, DidOpenTextDocumentParams, Position, Range } from 'vscode-languageserver';
import { DraftIndex } from '../core/draft/draftIndex';
import { SHORT_FORM_REACH } from '../core/draft/papersNamed';
import type { DraftEdit } from '../core/edits';

import { DEFAULT_MAX_DOCUMENT_SIZE } from '../settings';

/** How far from the cursor an oversized document is indexed, each way. */
const WINDOW = 64 * 1024;

/**
 * The offset just past the last blank line of `text`, or -1. Walks back line by line: a
 * regular expression looking for the last match re-scanned the rest at every candidate.
 */
function afterLastBlankLine(text: string): number {
  for (let end = text.lastIndexOf('\n'); end > 0; ) {
    const previous = text.lastIndexOf('\n', end - 1);
    if (previous < 0) return -1;
    if (/^[ \t]*\r?$/.test(text.slice(previous + 1, end))) return end + 1;
    end = previous;
  }
  return -1;
}

export class OpenDocument {
  /** The edits of the last change, in order; undefined when it replaced the whole text. */
  lastEdits: DraftEdit[] | undefined;

  constructor(
    public text: TextDocument,
    /** The citation index; empty while the document is oversized. */
    readonly draft: DraftIndex,
    /** Longer than the size limit: text only, see the module comment. */
    public oversized: boolean,
    private readonly symbols: () => readonly string[],
  ) {}

  /**
   * An index of the text around `offset` and where it starts in the document: the whole
   * document's index normally (or the part of it from a block start near the cursor,
   * `DraftIndex.around`), a fresh one of the blocks near the cursor when oversized.
   * Results computed on it are shifted by `base`.
   */
  draftAround(offset: number): { draft: DraftIndex; base: number } {
    if (!this.oversized) return this.draft.around(offset);
    const text = this.text.getText();
    const from = Math.max(0, offset - WINDOW);
    const to = Math.min(text.length, offset + WINDOW);
    const before = text.slice(from, offset);
    const after = text.slice(offset, to);
    // Cut at blank lines, so the window holds whole blocks that parse as in the whole
    // text. Without one, keep the text's own start or end, else cut at the line break
    // farthest from the cursor (a citation may wrap onto the next line).
    const blankBefore = afterLastBlankLine(before);
    const lineBefore = from > 0 ? before.indexOf('\n') : -1;
    const start = blankBefore >= 0 ? from + blankBefore : lineBefore >= 0 ? from + lineBefore + 1 : from;
    const blankAfter = /\r?\n[ \t]*\r?\n/.exec(after);
    const lineAfter = to < text.length ? after.lastIndexOf('\n') : -1;
    const end = blankAfter ? offset + blankAfter.index : lineAfter >= 0 ? offset + lineAfter : to;
    // What a short form or a reference without a symbol takes its paper from: the text before, within reach.
    const preceding = new DraftIndex(text.slice(Math.max(0, start - SHORT_FORM_REACH), start), this.symbols(), { keepCitations: false });
    return { draft: new DraftIndex(text.slice(start, end), this.symbols(), { keepCitations: false }, preceding.contextAt(preceding.getText().length)), base: start };
  }

  get uri(): string {
    return this.text.uri;
  }

  get version(): number {
    return this.text.version;
  }

  offsetAt(position: Position): number {
    return this.text.offsetAt(position);
  }

  positionAt(offset: number): Position {
    return this.text.positionAt(offset);
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.text.positionAt(start), end: this.text.positionAt(end) };
  }

  /**
   * The one way from a request's position to the core and back: the index to ask (the
   * draft's, or the part of it around `position`), the offset there, and the range in
   * this document of offsets `[start, end)` of that index.
   */
  at(position: Position): { draft: DraftIndex; offset: number; rangeOf(start: number, end: number): Range } {
    const offset = this.offsetAt(position);
    const { draft, base } = this.draftAround(offset);
    return { draft, offset: offset - base, rangeOf: (start, end) => this.rangeOf(base + start, base + end) };
  }
}

export class DocumentStore {
  private readonly documents = new Map<string, OpenDocument>();
  private limit = DEFAULT_MAX_DOCUMENT_SIZE;

  constructor(private readonly symbols: () => readonly string[]) {}

  /** `crpCite.maxDocumentSize`, in characters. */
  get maxSize(): number {
    return this.limit;
  }

  /** Changes the size limit; returns the open documents that crossed it either way. */
  setMaxSize(size: number): OpenDocument[] {
    this.limit = size;
    const crossed: OpenDocument[] = [];
    for (const doc of this.documents.values()) {
      const oversized = doc.text.getText().length > size;
      if (oversized === doc.oversized) continue;
      doc.oversized = oversized;
      doc.draft.replaceAll(oversized ? '' : doc.text.getText());
      doc.lastEdits = undefined;
      crossed.push(doc);
    }
    return crossed;
  }

  open(params: DidOpenTextDocumentParams): OpenDocument {
    const { uri, languageId, version, text } = params.textDocument;
    const oversized = text.length > this.limit;
    const doc = new OpenDocument(TextDocument.create(uri, languageId, version, text), new DraftIndex(oversized ? '' : text, this.symbols()), oversized, this.symbols);
    this.documents.set(uri, doc);
    return doc;
  }

  /** Applies the changes in order; returns undefined for an unknown document or a stale version. */
  change(params: DidChangeTextDocumentParams): OpenDocument | undefined {
    const doc = this.documents.get(params.textDocument.uri);
    if (!doc) return undefined;
    const version = params.textDocument.version;
    if (version !== null && version <= doc.version) return undefined;
    let edits: DraftEdit[] | undefined = [];
    const wasOversized = doc.oversized;
    for (const change of params.contentChanges) {
      if ('range' in change) {
        // A reversed range (end before start) is applied by TextDocument as ordered; so
        // must it be here, or the index falls out of step with the text (found by the
        // robustness property over edits).
        const from = doc.text.offsetAt(change.range.start);
        const to = doc.text.offsetAt(change.range.end);
        const start = Math.min(from, to);
        const end = Math.max(from, to);
        edits?.push({ start, end, removed: doc.text.getText().slice(start, end), inserted: change.text });
        doc.text = TextDocument.update(doc.text, [change], version);
        // A paste that crosses the limit stops indexing before it costs seconds.
        if (doc.text.getText().length > this.limit) doc.oversized = true;
        if (!doc.oversized) doc.draft.applyEdit(start, end, change.text, doc.text.getText());
      } else {
        edits = undefined;
        doc.text = TextDocument.update(doc.text, [change], version);
        if (doc.text.getText().length > this.limit) doc.oversized = true;
        if (!doc.oversized) doc.draft.replaceAll(doc.text.getText());
      }
    }
    if (doc.oversized) {
      edits = undefined;
      doc.oversized = doc.text.getText().length > this.limit;
      // Under the limit again: index the whole text afresh. Over it: drop the index.
      if (!doc.oversized) doc.draft.replaceAll(doc.text.getText());
      else if (!wasOversized) doc.draft.replaceAll('');
    }
    doc.lastEdits = edits;
    return doc;
  }

  close(uri: string): void {
    this.documents.delete(uri);
  }

  get(uri: string): OpenDocument | undefined {
    return this.documents.get(uri);
  }

  all(): OpenDocument[] {
    return [...this.documents.values()];
  }
}
