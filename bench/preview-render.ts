/**
 * One figure of `npm run bench`: rendering a draft in VS Code's Markdown preview, as its
 * markdown-it is set up (HTML and linkify on), alone and with crp-cite's plugin
 * (client/src/preview/citationLinks.ts) and the bundled paper. Bundled by bench/run.mjs;
 * run as `node preview-render.js <data folder> <draft> <renders>`; prints the median times and the
 * page sizes as JSON. The first render of each is left out (it compiles the code).
 */
import { readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import { citationLinks } from '../client/src/preview/citationLinks';
import { loadCorpus } from '../server/src/core/load';
import { translator } from '../server/src/i18n';

const [dataFolder, path, runsArg] = process.argv.slice(2);
const text = readFileSync(path!, 'utf8');
const runs = Number(runsArg ?? 5);
const corpus = loadCorpus(dataFolder!);
// A paper that did not load would make a plugin with nothing to link look fast.
if (corpus.papers.length === 0) throw new Error(`no paper data in ${dataFolder}`);
const t = translator('en');
const env = () => ({ currentDocument: { scheme: 'file', fsPath: path } });

function measure(md: MarkdownIt): { ms: number; htmlKb: number } {
  let html = md.render(text, env());
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    html = md.render(text, env());
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { ms: times[times.length >> 1]!, htmlKb: html.length / 1024 };
}

const alone = measure(new MarkdownIt({ html: true, linkify: true }));
const withPlugin = citationLinks(new MarkdownIt({ html: true, linkify: true }), () => ({ corpus, t }));
const ours = measure(withPlugin);
const links = withPlugin.render(text, env()).split('class="crp-cite-link"').length - 1;
process.stdout.write(JSON.stringify({ alone, ours, links }));
