/**
 * `npm run data`: regenerates data/documents/<paper>.json and .md from every
 * data/source/*.import.json manifest. With --check, writes nothing and exits 1 when the
 * committed files differ from what the importer produces.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { paperSchema } from '../server/src/core/corpus';
import { importPaper, type ImportManifest } from './importer';

const root = resolve(__dirname, '..');
const sourceDir = join(root, 'data', 'source');
const outDir = join(root, 'data', 'documents');
const check = process.argv.includes('--check');

export function generate(): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(sourceDir).filter((n) => n.endsWith('.import.json')).sort()) {
    const manifest = JSON.parse(readFileSync(join(sourceDir, name), 'utf8')) as ImportManifest;
    const text = readFileSync(join(sourceDir, manifest.source), 'utf8');
    const { data, markdown } = importPaper(text, manifest, `${manifest.output}.md`);
    files.set(join(outDir, `${manifest.output}.json`), `${JSON.stringify({ $schema: '../schema/paper.schema.json', ...data }, null, 2)}\n`);
    files.set(join(outDir, `${manifest.output}.md`), markdown);
  }
  // The JSON Schema lets editors validate and complete a hand-written paper file; the
  // server itself validates with the zod schema it is generated from.
  const schema = z.toJSONSchema(z.intersection(paperSchema(), z.object({ $schema: z.string().optional() })), { io: 'input', unrepresentable: 'any' });
  files.set(join(root, 'data', 'schema', 'paper.schema.json'), `${JSON.stringify(schema, null, 2)}\n`);
  return files;
}

if (require.main === module) {
  let drift = 0;
  for (const [file, content] of generate()) {
    let current: string | undefined;
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      current = undefined;
    }
    if (current === content) continue;
    if (check) {
      console.error(`out of date: ${file}`);
      drift++;
    } else {
      writeFileSync(file, content);
      console.log(`wrote ${file}`);
    }
  }
  process.exitCode = drift > 0 ? 1 : 0;
}
