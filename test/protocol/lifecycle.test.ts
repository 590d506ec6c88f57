/**
 * The server leaves no orphan process: it exits with code 0 on `shutdown` then `exit`,
 * when its input closes, and when the editor that started it (`processId` in `initialize`)
 * dies without closing its input. Waits poll with bounded timeouts; no fixed sleeps.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createProtocolConnection,
  InitializedNotification,
  InitializeRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { SERVER, startServer } from './client';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(condition: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

const exitOf = (child: ChildProcess) =>
  new Promise<number | null>((done) => (child.exitCode !== null ? done(child.exitCode) : child.once('exit', (code) => done(code))));

describe('the server process', () => {
  const cleanup: Array<() => void> = [];
  afterEach(() => {
    for (const c of cleanup.splice(0)) c();
  });

  it('exits with code 0 on shutdown then exit', async () => {
    const server = await startServer();
    server.open('file:///a.md', 'CRP/43 §6');
    const exited = exitOf(server.process);
    await server.stop();
    expect(await exited).toBe(0);
  });

  it('exits when its input closes', { timeout: 20_000 }, async () => {
    const server = await startServer();
    cleanup.push(() => server.process.exitCode === null && server.process.kill());
    const exited = exitOf(server.process);
    server.process.stdin!.end();
    // Without `shutdown` first the exit code says so (1); what matters is that it goes.
    expect(await Promise.race([exited.then(() => 'exited'), new Promise((r) => setTimeout(() => r('still running'), 15_000))])).toBe('exited');
    server.connection.dispose();
  });

  it('exits when the editor that started it dies, even with its input still open', { timeout: 30_000 }, async () => {
    // The "editor": starts the server with its own stdio (which this test holds open, so
    // only the processId watch can notice) and reports the server's pid.
    const folder = mkdtempSync(join(tmpdir(), 'crp-parent-'));
    cleanup.push(() => rmSync(folder, { recursive: true, force: true }));
    const script = join(folder, 'editor.cjs');
    writeFileSync(
      script,
      `const { spawn } = require('node:child_process');
const server = spawn(process.execPath, [${JSON.stringify(SERVER)}, '--stdio'], { stdio: 'inherit' });
process.stderr.write('server-pid:' + server.pid + '\\n');
setInterval(() => undefined, 1000);
`,
    );
    const editor = spawn(process.execPath, [script], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    editor.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    cleanup.push(() => editor.exitCode === null && editor.kill('SIGKILL'));
    expect(await waitFor(() => /server-pid:\d+/.test(stderr), 10_000)).toBe(true);
    const serverPid = Number(/server-pid:(\d+)/.exec(stderr)![1]);
    cleanup.push(() => alive(serverPid) && process.kill(serverPid, 'SIGKILL'));

    const connection = createProtocolConnection(new StreamMessageReader(editor.stdout!), new StreamMessageWriter(editor.stdin!));
    connection.onNotification('window/logMessage', () => undefined);
    connection.onRequest('window/showMessageRequest', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.listen();
    cleanup.push(() => connection.dispose());
    await connection.sendRequest(InitializeRequest.type, { processId: editor.pid!, rootUri: null, workspaceFolders: null, capabilities: {} });
    await connection.sendNotification(InitializedNotification.type, {});
    expect(alive(serverPid)).toBe(true);

    editor.kill('SIGKILL');
    await exitOf(editor);
    // vscode-languageserver checks the editor's pid every 3 s.
    expect(await waitFor(() => !alive(serverPid), 20_000), `server ${serverPid} still running`).toBe(true);
  });
});
