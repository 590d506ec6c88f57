/**
 * The language server's process entry: `node dist/server.js --stdio` (any LSP editor)
 * or `--node-ipc` (the VS Code client). vscode-languageserver picks the transport from
 * the command line.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all));
