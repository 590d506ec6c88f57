/** Keeps the document store in step with the editor. Other handlers react through `onChange`. */
import type { ServerContext } from '../context';
import type { OpenDocument } from '../documents';

export type DocumentListener = { opened?(doc: OpenDocument): void; changed?(doc: OpenDocument): void; closed?(uri: string): void };

export function registerDocuments(ctx: ServerContext, listeners: DocumentListener[]): void {
  const { connection } = ctx;
  connection.onDidOpenTextDocument((params) => {
    const doc = ctx.documents.open(params);
    for (const l of listeners) l.opened?.(doc);
  });
  connection.onDidChangeTextDocument((params) => {
    const doc = ctx.documents.change(params);
    if (doc) for (const l of listeners) l.changed?.(doc);
  });
  connection.onDidCloseTextDocument(({ textDocument }) => {
    ctx.documents.close(textDocument.uri);
    for (const l of listeners) l.closed?.(textDocument.uri);
  });
}
