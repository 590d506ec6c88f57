/**
 * The language server's process entry: `node dist/server.js --stdio` (any LSP editor)
 * or `--node-ipc` (the VS Code client). vscode-languageserver picks the transport from
 * the command line, and exits when the client's process (`processId`) goes away. The
 * same file runs in the server's index worker thread (lsp/indexWorker.ts).
 */
import { createConnection, LSPErrorCodes, ProposedFeatures, type Message, type MessageReader, type RequestMessage, type ResponseMessage } from 'vscode-languageserver/node';
import { FramedMessageWriter, redirectConsole, transport } from './lsp/encoding';
import { runIndexWorker } from './lsp/indexWorker';
import { startServer } from './server';

function serve(): void {
  // A request cancelled (`$/cancelRequest`) while still queued behind a slow one is answered
  // RequestCancelled at once instead of being computed for nobody. One already running
  // finishes: every handler is synchronous or checks its token after waiting.
  const options = {
    cancelUndispatched: (message: Message): ResponseMessage => ({
      jsonrpc: '2.0',
      id: (message as RequestMessage).id,
      error: { code: LSPErrorCodes.RequestCancelled, message: 'cancelled' },
    }),
  };

  // Over stdio, messages are written by lsp/encoding.ts's writer: each in one write, header
  // and body together, reusing the bytes of diagnostics already pushed. The connection is
  // then built from the streams, as vscode-languageserver builds it for `--stdio` (exit
  // when stdin ends; console output redirected to the client, since stdout carries the
  // protocol). stdin goes in as the
  // stream it is: vscode-languageserver reads any stream given as input, and only then
  // exits when it ends (its types want a reader and a writer, or two streams).
  const stdio = transport(process.argv.slice(2)) === 'stdio';
  const connection = stdio
    ? createConnection(ProposedFeatures.all, process.stdin as unknown as MessageReader, new FramedMessageWriter(process.stdout), options)
    : createConnection(ProposedFeatures.all, options);
  if (stdio) redirectConsole(connection.console);

  // A writer's session lasts hours: a bug in one handler must cost that answer, not the
  // server. Request handlers already turn exceptions into JSON-RPC errors; this catches
  // the rest (timers, notification handlers) and logs them to the client.
  process.on('uncaughtException', (error) => connection.console.error(`crp-cite: ${error.stack ?? String(error)}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`crp-cite: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));

  startServer(connection);
}

if (!runIndexWorker()) serve();
