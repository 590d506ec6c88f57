/**
 * Open Markdown documents: the LSP text (for offset ↔ position conversion) and the
 * citation index, updated together edit by edit. Both share the same string.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DidChangeTextDocumentParams, DidOpenTextDocumentParams, Position, Range } from 'vscode-languageserver';
import { DraftIndex } from '../core/markdown';
import type { DraftEdit } from '../core/features/diagnostics';

export class OpenDocument {
  /** The edits of the last change, in order; undefined when it replaced the whole text. */
  lastEdits: DraftEdit[] | undefined;

  constructor(
    public text: TextDocument,
    readonly draft: DraftIndex,
  ) {}

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
}

export class DocumentStore {
  private readonly documents = new Map<string, OpenDocument>();

  constructor(private readonly symbols: () => readonly string[]) {}

  open(params: DidOpenTextDocumentParams): OpenDocument {
    const { uri, languageId, version, text } = params.textDocument;
    const doc = new OpenDocument(TextDocument.create(uri, languageId, version, text), new DraftIndex(text, this.symbols()));
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
    for (const change of params.contentChanges) {
      if ('range' in change) {
        const start = doc.text.offsetAt(change.range.start);
        const end = doc.text.offsetAt(change.range.end);
        edits?.push({ start, end, removed: doc.text.getText().slice(start, end), inserted: change.text });
        doc.text = TextDocument.update(doc.text, [change], version);
        doc.draft.applyEdit(start, end, change.text, doc.text.getText());
      } else {
        edits = undefined;
        doc.text = TextDocument.update(doc.text, [change], version);
        doc.draft.replaceAll(doc.text.getText());
      }
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
