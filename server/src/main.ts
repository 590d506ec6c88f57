/**
 * The language server's process entry: `node dist/server.js --stdio` (any LSP editor)
 * or `--node-ipc` (the VS Code client). vscode-languageserver picks the transport from
 * the command line, and exits when the client's process (`processId`) goes away.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);

// A writer's session lasts hours: a bug in one handler must cost that answer, not the
// server. Request handlers already turn exceptions into JSON-RPC errors; this catches
// the rest (timers, notification handlers) and logs them to the client.
process.on('uncaughtException', (error) => connection.console.error(`crp-cite: ${error.stack ?? String(error)}`));
process.on('unhandledRejection', (reason) => connection.console.error(`crp-cite: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));

startServer(connection);
