/**
 * lsp/encoding.ts: the bytes of every message are `JSON.stringify`'s, whether the
 * diagnostics in it were encoded before or not, and whatever their text.
 */
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StreamMessageReader, type Message } from 'vscode-languageserver/node';
import { encodeMessage, FramedMessageWriter, immutable, transport } from '../../server/src/lsp/encoding';

const position = fc.record({ line: fc.nat(100_000), character: fc.nat(5_000) });
const diagnostic = fc.record(
  {
    range: fc.record({ start: position, end: position }),
    severity: fc.constantFrom(1, 2, 3),
    code: fc.oneof(fc.constantFrom('crp-cite.unknown-paragraph', 'crp-cite.reversed-range'), fc.integer()),
    source: fc.constant('crp-cite'),
    // Quotes, backslashes, control characters, accents, lone surrogates: all escaped as JSON does.
    message: fc.string({ unit: 'binary' }),
    data: fc.option(fc.jsonValue(), { nil: undefined }),
  },
  { requiredKeys: ['range', 'message'] },
);

/** As hex, to compare bytes. */
const expected = (message: unknown) => Buffer.from(JSON.stringify(message), 'utf-8').toString('hex');
const encoded = (message: unknown) => encodeMessage(message as Message).toString('hex');

describe('FramedMessageWriter', () => {
  it('writes each message whole, header and body in one chunk, read back as sent', async () => {
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    const d = immutable({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 2 } }, message: 'Le paragraphe 28 n’existe pas « ici »' });
    const messages = [
      { jsonrpc: '2.0', id: 1, result: { contents: { kind: 'markdown', value: 'é — § 😀' } } },
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a.md', version: 2, diagnostics: [d, d] } },
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a.md', version: 3, diagnostics: [d] } },
      { jsonrpc: '2.0', id: 2, result: null },
    ] as unknown as Message[];
    const writer = new FramedMessageWriter(stream);
    await Promise.all(messages.map((m) => writer.write(m)));
    expect(chunks).toHaveLength(messages.length);
    for (const [i, chunk] of chunks.entries()) {
      const body = encodeMessage(messages[i]!);
      expect(chunk.toString('latin1')).toBe(`Content-Length: ${body.length}\r\n\r\n${body.toString('latin1')}`);
    }
    const reader = new StreamMessageReader(new PassThrough().end(Buffer.concat(chunks as unknown as Uint8Array[])));
    const read: Message[] = [];
    await new Promise<void>((done) => {
      reader.listen((m) => {
        read.push(m);
        if (read.length === messages.length) done();
      });
    });
    expect(read).toEqual(messages.map((m) => JSON.parse(JSON.stringify(m))));
  });
});

describe('encodeMessage', () => {
  it('encodes publishDiagnostics exactly as JSON.stringify, remembered or not, again and again', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(diagnostic, fc.boolean()), { maxLength: 30 }),
        fc.webUrl(),
        fc.option(fc.integer(), { nil: undefined }),
        (items, uri, version) => {
          const diagnostics = items.map(([d, remember]) => (remember ? immutable(d) : d));
          const params = version === undefined ? { uri, diagnostics } : { uri, version, diagnostics };
          const message = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params };
          const bytes = expected(message);
          expect(encoded(message)).toBe(bytes);
          // The second time, from the remembered bytes.
          expect(encoded(message)).toBe(bytes);
          // The same diagnostics in another order, and in another document.
          const reordered = { ...message, params: { ...params, uri: `${uri}#2`, diagnostics: [...diagnostics].reverse() } };
          expect(encoded(reordered)).toBe(expected(reordered));
        },
      ),
    );
  });

  it('falls back to JSON.stringify for other shapes and other messages', () => {
    const d = immutable({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'é "x" \\' });
    const messages = [
      // Diagnostics not the last key of the params, params not the last key of the message.
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { diagnostics: [d], uri: 'file:///a.md' } },
      { jsonrpc: '2.0', params: { uri: 'file:///a.md', diagnostics: [d] }, method: 'textDocument/publishDiagnostics' },
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a.md', diagnostics: [] } },
      { jsonrpc: '2.0', id: 3, result: { kind: 'full', items: [d] } },
      { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'diagnostics":[]}}' } },
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///"diagnostics":[]}}', diagnostics: [d, d] } },
    ];
    for (const m of messages) expect(encodeMessage(m as unknown as Message).toString('utf-8')).toBe(JSON.stringify(m));
  });

  it('freezes what it remembers, so what was encoded cannot change', () => {
    const d = immutable({ range: { start: { line: 1, character: 2 }, end: { line: 1, character: 3 } }, message: 'm' });
    expect(Object.isFrozen(d) && Object.isFrozen(d.range) && Object.isFrozen(d.range.start)).toBe(true);
    expect(() => {
      (d.range.start as { line: number }).line = 7;
    }).toThrow();
  });
});

describe('transport', () => {
  it('reads the command line as vscode-languageserver does: the first transport named', () => {
    expect(transport(['--stdio'])).toBe('stdio');
    expect(transport(['--clientProcessId=5', '--stdio'])).toBe('stdio');
    expect(transport(['--node-ipc', '--stdio'])).toBe('other');
    expect(transport(['--socket=5000'])).toBe('other');
    expect(transport(['--pipe', 'name'])).toBe('other');
    expect(transport([])).toBeUndefined();
  });
});
