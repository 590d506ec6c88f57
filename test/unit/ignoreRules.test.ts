/**
 * Which drafts are read, as git sees the repository: ignore files from its root down,
 * nested ones and negations, for `crp-cite check docs/` and for the server's workspace
 * index alike (server/src/files/markdownFiles.ts).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isListedMarkdown, markdownFiles } from '../../server/src/files/markdownFiles';

let repo: string;
const write = (path: string, text = '# Draft\n') => {
  mkdirSync(join(repo, path, '..'), { recursive: true });
  writeFileSync(join(repo, path), text);
};

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'crp-cite-ignore-'));
  mkdirSync(join(repo, '.git', 'info'), { recursive: true });
  write('.gitignore', 'drafts/old/\n*.tmp.md\ndocs/generated.md\n');
  write('.git/info/exclude', 'docs/private.md\n');
  write('docs/a.md');
  write('docs/generated.md');
  write('docs/private.md');
  write('docs/notes.tmp.md');
  write('docs/.gitignore', 'archive/\n!keep.tmp.md\n');
  write('docs/keep.tmp.md');
  write('docs/archive/b.md');
  write('docs/sub/c.md');
  write('docs/sub/.gitignore', '*.md\n!c.md\n');
  write('docs/sub/d.md');
  write('drafts/old/e.md');
  write('drafts/f.md');
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('ignore rules', () => {
  it('checking a folder reads the ignore files of the repository above it, nested ones and negations', () => {
    const listed = markdownFiles([join(repo, 'docs')]).map((f) => relative(repo, f));
    expect(listed).toEqual(['docs/a.md', 'docs/keep.tmp.md', 'docs/sub/c.md']);
  });

  it('from the repository root, the same files and the others', () => {
    const listed = markdownFiles([repo]).map((f) => relative(repo, f));
    expect(listed).toEqual(['docs/a.md', 'docs/keep.tmp.md', 'docs/sub/c.md', 'drafts/f.md']);
  });

  it('the workspace index asks the same question of one file, for a folder opened inside the repository', () => {
    const docs = join(repo, 'docs');
    for (const file of ['a.md', 'keep.tmp.md', 'sub/c.md']) expect(isListedMarkdown(docs, join(docs, file)), file).toBe(true);
    for (const file of ['generated.md', 'private.md', 'notes.tmp.md', 'archive/b.md', 'sub/d.md']) expect(isListedMarkdown(docs, join(docs, file)), file).toBe(false);
  });
});
