/**
 * JSON-RPC encoding that reuses what was encoded before. Every diagnostics push carries
 * all of a draft's findings (936 in the benchmark's 5 MB draft, 214 KB of JSON), and a
 * keystroke changes a few of them: encoding the whole list again was most of the cost of
 * a keystroke, and its garbage most of the rest.
 *
 * Values passed through `immutable` are deep-frozen and remembered; the encoder writes
 * each one's UTF-8 bytes once and copies them into every later `publishDiagnostics` that
 * carries the same object. The bytes are exactly `JSON.stringify`'s (the tests compare
 * them); any other message, or one of another shape, is encoded by `JSON.stringify`.
 *
 * Used for `--stdio` (main.ts), through `FramedMessageWriter`; Node's IPC channel
 * (`--node-ipc`, the VS Code client's) encodes messages itself.
 */
import { inspect } from 'node:util';
import { AbstractMessageWriter, type Message, type MessageWriter, type RemoteConsole } from 'vscode-languageserver/node';

const frozen = new WeakSet<object>();
const bytes = new WeakMap<object, Buffer>();

/** Deep-freezes a plain JSON value (objects and arrays) and marks it as safe to encode once. */
export function immutable<T extends object>(value: T): T {
  freeze(value);
  frozen.add(value);
  return value;
}

function freeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  for (const v of Object.values(value)) freeze(v);
  Object.freeze(value);
}

const PUBLISH_DIAGNOSTICS = 'textDocument/publishDiagnostics';
const COMMA = Buffer.from(',');
const TAIL = ']}}';
const TAIL_BYTES = Buffer.from(TAIL);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function lastKey(value: object): string | undefined {
  const keys = Object.keys(value);
  return keys[keys.length - 1];
}

/** The bytes `JSON.stringify(message)` encodes to in UTF-8. */
export function encodeMessage(message: Message): Buffer {
  const { parts, length } = encodedParts(message);
  return parts.length === 1 ? parts[0]! : concat(parts, length);
}

/**
 * The message as a stream carries it: its `Content-Length` header and its bytes, in one
 * buffer, so that it goes out in one write and the client reads it in one wake-up
 * (vscode-jsonrpc's own writer writes the header, waits for the write's callback, then
 * writes the body).
 */
function frameMessage(message: Message): Buffer {
  const { parts, length } = encodedParts(message);
  const header = Buffer.from(`Content-Length: ${length}\r\n\r\n`, 'ascii');
  return concat([header, ...parts], header.length + length);
}

function encodedParts(message: Message): { parts: Buffer[]; length: number } {
  const diagnostics = diagnosticsParts(message);
  if (diagnostics) return diagnostics;
  const json = Buffer.from(JSON.stringify(message, undefined, 0), 'utf-8');
  return { parts: [json], length: json.length };
}

function concat(parts: Buffer[], length: number): Buffer {
  // (@types/node 20's Buffer and TypeScript 5.9's Uint8Array disagree on `buffer`'s type.)
  return Buffer.concat(parts as unknown as Uint8Array[], length);
}

/**
 * A `publishDiagnostics` notification whose diagnostics are all `immutable`, from their
 * remembered bytes; undefined for anything else. `{"jsonrpc":…,"method":…,"params":{…,
 * "diagnostics":[]}}` ends in `[]}}` when the diagnostics are the last key of the params
 * and the params the last key of the message: the list's bytes go between `[` and `]}}`.
 */
function diagnosticsParts(message: Message): { parts: Buffer[]; length: number } | undefined {
  const m = message as unknown as Record<string, unknown>;
  if (m['method'] !== PUBLISH_DIAGNOSTICS || !isPlainObject(m) || !isPlainObject(m['params'])) return undefined;
  const params = m['params'];
  const diagnostics = params['diagnostics'];
  if (!Array.isArray(diagnostics) || diagnostics.length === 0 || lastKey(m) !== 'params' || lastKey(params) !== 'diagnostics') return undefined;
  for (const d of diagnostics) if (!frozen.has(d as object)) return undefined;
  const head = JSON.stringify({ ...m, params: { ...params, diagnostics: [] } }, undefined, 0);
  if (!head.endsWith(`[${TAIL}`)) return undefined;
  const parts: Buffer[] = [Buffer.from(head.slice(0, head.length - TAIL.length), 'utf-8')];
  let length = parts[0]!.length + TAIL_BYTES.length + diagnostics.length - 1;
  for (let i = 0; i < diagnostics.length; i++) {
    const d = diagnostics[i] as object;
    let encoded = bytes.get(d);
    if (encoded === undefined) bytes.set(d, (encoded = ownBytes(JSON.stringify(d))));
    if (i > 0) parts.push(COMMA);
    parts.push(encoded);
    length += encoded.length;
  }
  parts.push(TAIL_BYTES);
  return { parts, length };
}

/**
 * A string's UTF-8 bytes in a buffer of their own: `Buffer.from` cuts small buffers from
 * shared 8 KB slabs, and one remembered diagnostic would keep a whole slab alive.
 */
function ownBytes(text: string): Buffer {
  const encoded = Buffer.allocUnsafeSlow(Buffer.byteLength(text, 'utf-8'));
  encoded.write(text, 'utf-8');
  return encoded;
}

/**
 * The writer for a stream transport (stdout, a socket): each message framed by
 * `frameMessage` and written at once, in the order written (encoding is synchronous, so
 * no queue is needed to keep it).
 */
export class FramedMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private errorCount = 0;

  constructor(private readonly stream: NodeJS.WritableStream) {
    super();
    stream.on('error', (error: Error) => this.fireError(error));
    stream.on('close', () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    let frame: Buffer;
    try {
      frame = frameMessage(message);
    } catch (error) {
      this.fireError(error, message, ++this.errorCount);
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      this.stream.write(frame as unknown as Uint8Array, (error) => {
        if (error) {
          this.fireError(error, message, ++this.errorCount);
          reject(error);
        } else {
          this.errorCount = 0;
          resolve();
        }
      });
    });
  }

  end(): void {
    this.stream.end();
  }
}

/**
 * The transport the command line asks for, read as vscode-languageserver reads it: the
 * first of `--node-ipc`, `--stdio`, `--socket[=port]` and `--pipe[=name]`.
 */
export function transport(args: readonly string[]): 'stdio' | 'other' | undefined {
  for (const arg of args) {
    if (arg === '--stdio') return 'stdio';
    const name = arg.split('=')[0];
    if (arg === '--node-ipc' || name === '--socket' || name === '--pipe') return 'other';
  }
  return undefined;
}

/**
 * What vscode-languageserver does to `console` for `--stdio` (its `patchConsole`): stdout
 * carries the protocol, so anything printed goes to the client's log instead.
 */
export function redirectConsole(logger: RemoteConsole): void {
  const serialize = (args: unknown[]) => args.map((arg) => (typeof arg === 'string' ? arg : inspect(arg))).join(' ');
  const counters = new Map<string, number>();
  console.assert = (assertion?: boolean, ...args: unknown[]) => {
    if (assertion) return;
    if (args.length === 0) logger.error('Assertion failed');
    else {
      const [message, ...rest] = args;
      logger.error(`Assertion failed: ${String(message)} ${serialize(rest)}`);
    }
  };
  console.count = (label = 'default') => {
    const message = String(label);
    const counter = (counters.get(message) ?? 0) + 1;
    counters.set(message, counter);
    logger.log(`${message}: ${counter}`);
  };
  console.countReset = (label?: string) => {
    if (label === undefined) counters.clear();
    else counters.delete(String(label));
  };
  console.debug = (...args: unknown[]) => logger.log(serialize(args));
  console.dir = (arg: unknown, options?: object) => logger.log(inspect(arg, options));
  console.log = (...args: unknown[]) => logger.log(serialize(args));
  console.error = (...args: unknown[]) => logger.error(serialize(args));
  console.trace = (...args: unknown[]) => {
    const stack = new Error().stack!.replace(/(.+\n){2}/, '');
    logger.log(`${args.length === 0 ? 'Trace' : `Trace: ${serialize(args)}`}\n${stack}`);
  };
  console.warn = (...args: unknown[]) => logger.warn(serialize(args));
  console.info = (...args: unknown[]) => logger.info(serialize(args));
}
