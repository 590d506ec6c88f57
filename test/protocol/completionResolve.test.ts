/**
 * Editors that resolve completion items get a light list and the paragraph's text when
 * the writer looks at an item; editors that do not still get the text inline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompletionResolveRequest, type CompletionItem } from 'vscode-languageserver-protocol/node';
import { completionItems, startServer, type TestServer } from './client';

const RESOLVING = { textDocument: { completion: { completionItem: { documentationFormat: ['markdown'], resolveSupport: { properties: ['documentation'] } } } } };

describe('completion documentation on resolve', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ locale: 'es', capabilities: RESOLVING });
  });
  afterAll(() => server.stop());

  it('leaves the text out of the list and gives it, localized, on resolve', async () => {
    const uri = 'untitled:Untitled-1';
    server.open(uri, 'Véase CRP/43, párr. 24(');
    const subs = completionItems(await server.completion(uri, { line: 0, character: 23 }));
    expect(subs.map((i) => i.label)).toEqual(['(a)', '(b)', '(c)']);
    expect(subs.every((i) => i.documentation === undefined)).toBe(true);

    const resolved: CompletionItem = await server.connection.sendRequest(CompletionResolveRequest.type, subs[1]!);
    const value = (resolved.documentation as { value: string }).value;
    expect(value).toContain('Subpárrafo 24(b)');
    expect(value).toContain("Through the Administration's recognition");
    // The lead-in of paragraph 24 comes with the sub-paragraph.
    expect(value).toContain('Given the interconnections of migration with development');
  });

  it('ignores items it did not make', async () => {
    const item: CompletionItem = { label: 'x', data: { symbol: 42, paragraph: '<script>' } };
    const resolved: CompletionItem = await server.connection.sendRequest(CompletionResolveRequest.type, item);
    expect(resolved).toEqual(item);
  });
});
