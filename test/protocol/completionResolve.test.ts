/**
 * Editors that resolve completion items get a light list and the paragraph's text when
 * the writer looks at an item; editors that do not still get the text inline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompletionResolveRequest, type CompletionItem, type CompletionList } from 'vscode-languageserver-protocol/node';
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
    expect(value).toContain('Apartado b) del párrafo 24');
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

/** As VS Code declares it: list defaults, label details, lazy documentation. */
const LIKE_VSCODE = {
  textDocument: {
    completion: {
      completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] },
      completionItem: { documentationFormat: ['markdown'], labelDetailsSupport: true, resolveSupport: { properties: ['documentation', 'detail'] } },
    },
  },
};

describe('compact completion lists for clients that take list defaults', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ locale: 'fr', capabilities: LIKE_VSCODE });
  });
  afterAll(() => server.stop());

  it('sends the shared range once, inserts what each item says, and resolves each from its label', async () => {
    const uri = 'untitled:Untitled-2';
    server.open(uri, 'Voir CRP/43, par. 1');
    const list = (await server.completion(uri, { line: 0, character: 19 })) as CompletionList;
    expect(list.itemDefaults?.editRange).toEqual({ start: { line: 0, character: 18 }, end: { line: 0, character: 19 } });
    expect(list.items.map((i) => i.label)).toEqual(Array.from({ length: 27 }, (_, i) => String(i + 1)));
    expect(list.items.every((i) => i.textEdit === undefined && i.textEditText === undefined && i.data === undefined)).toBe(true);
    expect(Buffer.byteLength(JSON.stringify(list))).toBeLessThan(4096);

    // The client applies the list's default data to an item before resolving it.
    const sixteen = { ...list.items[15]!, data: list.itemDefaults?.data };
    const resolved: CompletionItem = await server.connection.sendRequest(CompletionResolveRequest.type, sixteen);
    expect((resolved.documentation as { value: string }).value).toContain('Paragraphe 16');

    server.change(uri, [{ text: 'Voir CRP/43, par. 24 (' }]);
    const subs = (await server.completion(uri, { line: 0, character: 22 })) as CompletionList;
    expect(subs.items.map((i) => [i.label, i.textEditText])).toEqual([['(a)', 'a)'], ['(b)', 'b)'], ['(c)', 'c)']]);
    const b = await server.connection.sendRequest(CompletionResolveRequest.type, { ...subs.items[1]!, data: subs.itemDefaults?.data });
    expect(((b as CompletionItem).documentation as { value: string }).value).toContain('Alinéa b) du paragraphe 24');
  });
});
