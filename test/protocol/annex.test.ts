/** crpCite/annex through the server: the table the editor's command inserts, in the writer's language. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnnexRequest } from '../../server/src/protocol';
import { startServer, type TestServer } from './client';

describe('crpCite/annex', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ initializationOptions: { language: 'fr' } });
  });
  afterAll(() => server.stop());

  it('tables the passages an open draft cites, with links to its lines, and those it does not', async () => {
    const uri = 'file:///drafts/note%20fr.md';
    server.open(uri, '# Note\n\nVoir le paragraphe 9 du document CRP/43.\n\nEt CRP/43, par. 9 et note 2.\n');
    const annex = await server.connection.sendRequest(AnnexRequest, { uri });
    const lines = annex!.markdown.split('\n');
    expect(lines[0]).toBe('# Passages du document CRP/43 cités dans 1 projet');
    expect(lines.find((l) => l.startsWith('| §9 |'))).toMatch(/\| 2 \| \[note fr\.md:3\]\(note%20fr\.md#L3\), \[note fr\.md:5\]\(note%20fr\.md#L5\) \|$/);
    expect(lines.find((l) => l.startsWith('| n. 2 |'))).toMatch(/\| 1 \| \[note fr\.md:5\]/);
    expect(annex!.markdown).toContain('\n## Passages jamais cités\n');
    expect(await server.connection.sendRequest(AnnexRequest, { uri: 'file:///not-open.md' })).toBeNull();
  });
});
