/**
 * URIs and paths, converted once and remembered (lsp/workspaceIndex.ts): the answers are
 * Node's own, whatever was asked before and however many URIs a client sends.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pathToUri, uriToPath } from '../../server/src/lsp/workspaceIndex';

describe('uriToPath and pathToUri', () => {
  it('give what Node gives, asked once or again', () => {
    for (let round = 0; round < 2; round++) {
      expect(pathToUri('/drafts/note d’été #2.md')).toBe(pathToFileURL('/drafts/note d’été #2.md').toString());
      expect(uriToPath('file:///drafts/note%20d%E2%80%99%C3%A9t%C3%A9%20%232.md')).toBe('/drafts/note d’été #2.md');
      expect(uriToPath('untitled:Untitled-1')).toBeUndefined();
      expect(uriToPath('file://host/share/a.md')).toBeUndefined(); // a remote host: no local path
    }
  });

  it('stay right past the memo’s bound', () => {
    for (let i = 0; i < 2500; i++) {
      const path = `/drafts/${i}.md`;
      const uri = pathToUri(path);
      expect(uri).toBe(`file:///drafts/${i}.md`);
      expect(uriToPath(uri)).toBe(fileURLToPath(uri));
    }
  });
});
