/**
 * The language server's process entry: `node dist/server.js --stdio` (any LSP editor)
 * or `--node-ipc` (the VS Code client). vscode-languageserver picks the transport from
 * the command line, and exits when the client's process (`processId`) goes away.
 */
import { createConnection, LSPErrorCodes, ProposedFeatures, type RequestMessage, type ResponseMessage } from 'vscode-languageserver/node';
import { startServer } from './server';

// A request cancelled (`$/cancelRequest`) while still queued behind a slow one is answered
// RequestCancelled at once instead of being computed for nobody. One already running
// finishes: every handler is synchronous or checks its token after waiting.
const connection = createConnection(ProposedFeatures.all, {
  cancelUndispatched: (message): ResponseMessage => ({
    jsonrpc: '2.0',
    id: (message as RequestMessage).id,
    error: { code: LSPErrorCodes.RequestCancelled, message: 'cancelled' },
  }),
});

// A writer's session lasts hours: a bug in one handler must cost that answer, not the
// server. Request handlers already turn exceptions into JSON-RPC errors; this catches
// the rest (timers, notification handlers) and logs them to the client.
process.on('uncaughtException', (error) => connection.console.error(`crp-cite: ${error.stack ?? String(error)}`));
process.on('unhandledRejection', (reason) => connection.console.error(`crp-cite: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));

startServer(connection);
