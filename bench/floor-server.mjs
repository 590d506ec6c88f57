// The floor: a language server that does nothing, on the same stack as ours
// (vscode-languageserver, TextDocuments with incremental sync). It stores documents,
// answers every request with a constant and, on each change, publishes empty diagnostics
// (or, to a client that pulls them, as VS Code does, answers each pull with none).
// bench/run.mjs bundles it with esbuild the way esbuild.config.mjs bundles ours
// (minified, CommonJS, node20), so start-up comparisons are fair.
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

let pull = false;

connection.onInitialize(({ capabilities: client }) => ({
  capabilities: {
    ...((pull = client.textDocument?.diagnostic !== undefined) ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    hoverProvider: true,
    definitionProvider: true,
    completionProvider: { triggerCharacters: ['§'], resolveProvider: false },
    referencesProvider: true,
  },
  serverInfo: { name: 'floor', version: '0' },
}));

const HOVER = { contents: { kind: 'markdown', value: 'floor' } };
const LOCATION = { uri: 'file:///floor.md', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
connection.onHover(() => HOVER);
connection.onDefinition(() => [LOCATION]);
connection.onCompletion(() => ({ isIncomplete: false, items: [{ label: 'floor' }] }));
connection.onReferences(() => [LOCATION]);

connection.languages.diagnostics.on(() => ({ kind: 'full', items: [] }));

documents.onDidChangeContent(({ document }) => {
  if (pull) return;
  void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: [] });
});

documents.listen(connection);
connection.listen();
