/**
 * The paper as data: the importer reproduces the committed files, and the data reads
 * exactly as the source text of CRP/43, page-break artefacts repaired.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { isProblem, parsePaper, type CorpusProblem, type Paper } from '../../server/src/core/corpus';
import { loadCorpus, problemMessage } from '../../server/src/core/load';
import { translator } from '../../server/src/i18n';
import { generate } from '../../scripts/import-data';
import { ImportError, importPaper, type ImportManifest } from '../../scripts/importer';

const root = resolve(__dirname, '..', '..');
const documents = join(root, 'data', 'documents');
const jsonFile = join(documents, 'crp-43.json');
const sourceText = readFileSync(join(root, 'data', 'source', 'crp-43.txt'), 'utf8');
const manifest = JSON.parse(readFileSync(join(root, 'data', 'source', 'crp-43.import.json'), 'utf8')) as ImportManifest;

function loadPaper(): Paper {
  const paper = parsePaper(jsonFile, readFileSync(jsonFile, 'utf8'), (rel) => join(documents, rel));
  if (isProblem(paper)) throw new Error(`${paper.file}: ${paper.detail}`);
  return paper;
}
const paper = loadPaper();
const data = paper.data;

describe('the committed data is what the importer produces', () => {
  it('generate() reproduces every committed file byte for byte', () => {
    const files = generate();
    expect([...files.keys()].map((f) => f.slice(root.length + 1)).sort()).toEqual([
      'data/documents/crp-43.json',
      'data/documents/crp-43.md',
      'data/schema/paper.schema.json',
    ]);
    for (const [file, content] of files) {
      expect(readFileSync(file, 'utf8'), `${file} differs from the importer's output: run npm run data`).toBe(content);
    }
  });

  it('`npm run data -- --check` exits 0 and writes nothing', () => {
    const before = readFileSync(jsonFile, 'utf8');
    const run = spawnSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/import-data.ts', '--check'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readFileSync(jsonFile, 'utf8')).toBe(before);
  });

  it('refuses a source whose paragraph ends mid-sentence instead of guessing', () => {
    const broken = sourceText.replace(/\nHigh-level Dialogue that are relevant to the Organization's[^\n]*\n/, '\n');
    expect(broken).not.toBe(sourceText);
    expect(() => importPaper(broken, manifest, 'crp-43.md')).toThrow(ImportError);
    expect(() => importPaper(broken, manifest, 'crp-43.md')).toThrow(/paragraph 26 ends mid-sentence/);
  });

  it('refuses paragraphs out of order', () => {
    const broken = sourceText.replace('\n14. The United States', '\n41. The United States');
    expect(() => importPaper(broken, manifest, 'crp-43.md')).toThrow(/paragraph 41 follows paragraph 13/);
  });
});

describe('metadata', () => {
  it('reads the cover page', () => {
    expect(data.symbol).toBe('CRP/43');
    expect(data.title).toBe(
      'OVERVIEW OF THE UNITED NATIONS SECOND HIGH-LEVEL DIALOGUE ON INTERNATIONAL MIGRATION AND DEVELOPMENT: OUTCOMES FOR GLOBAL MIGRATION GOVERNANCE AND IMPLICATIONS FOR IOM',
    );
    expect(data.date).toBe('2013-11-22');
    expect(data.session).toBe('103rd Session of the Council');
    expect(data.sessionDates).toBe('26–29 November 2013');
    expect(data.languageNote).toBe('English only');
    expect(data.category).toBe('CONFERENCE ROOM PAPER');
    expect(data.rendering).toBe('crp-43.md');
  });
});

const SECTIONS: Array<[string, 1 | 2, number[]]> = [
  ['Introduction', 1, [1, 2]],
  ['Overview', 1, []],
  ['The High-level Dialogue – a milestone for migration governance', 2, [3, 4]],
  ['High-level Dialogue preparations', 2, [5]],
  ['Substantive outcomes of the High-level Dialogue', 2, [6]],
  ['Follow-up to the High-level Dialogue', 2, [7, 8]],
  ['Building on the High-level Dialogue consensus', 1, [9, 10]],
  ['Migration and development: United Nations post-2015 development agenda', 2, [11, 12]],
  ['Migrants in crisis situations', 2, [13, 14]],
  ['Perception of migrants', 2, [15]],
  ['Human rights, prevention of exploitation and reducing the cost of migration', 2, [16, 17]],
  ['Evidence base', 2, [18, 19, 20, 21]],
  ['Enhanced migration partnerships and cooperation', 2, [22]],
  ['Outcomes influencing IOM as an institution', 1, [23, 24, 25]],
  ['Conclusion', 1, [26, 27]],
];

describe('structure', () => {
  it('has the sections in order, parts at level 1 and headings inside them at level 2', () => {
    expect(data.sections.map((s) => [s.heading, s.level])).toEqual(SECTIONS.map(([h, l]) => [h, l]));
  });

  it('has the 27 numbered paragraphs, in order, each under its heading', () => {
    expect(data.paragraphs.map((p) => p.number)).toEqual(Array.from({ length: 27 }, (_, i) => i + 1));
    for (const [heading, , numbers] of SECTIONS) {
      for (const n of numbers) expect(paper.section(paper.paragraph(n)!)?.heading, `paragraph ${n}`).toBe(heading);
    }
  });

  it('has sub-paragraphs (a)–(c) under paragraphs 5, 6, 12 and 24 only', () => {
    const withSubs = data.paragraphs.filter((p) => p.subParagraphs.length > 0);
    expect(withSubs.map((p) => [p.number, p.subParagraphs.map((s) => s.letter).join('')])).toEqual([
      [5, 'abc'],
      [6, 'abc'],
      [12, 'abc'],
      [24, 'abc'],
    ]);
  });

  it('has the five footnotes, all called from 5(a), in the order of their call marks', () => {
    expect(data.footnotes.map((f) => [f.number, f.marker, f.calledFrom])).toEqual([
      [1, '¹', { paragraph: 5, subParagraph: 'a' }],
      [2, '²', { paragraph: 5, subParagraph: 'a' }],
      [3, '³', { paragraph: 5, subParagraph: 'a' }],
      [4, '⁴', { paragraph: 5, subParagraph: 'a' }],
      [5, '⁵', { paragraph: 5, subParagraph: 'a' }],
    ]);
    const text = paper.subParagraph(5, 'a')!.text;
    const positions = data.footnotes.map((f) => text.indexOf(f.marker));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toContain("publication,¹ the Secretary-General's eight-point agenda,² IOM's six key recommendations,³ the GMG");
  });

  it('gives every item the line it sits on in the Markdown rendering', () => {
    const lines = readFileSync(join(documents, 'crp-43.md'), 'utf8').split('\n');
    for (const s of data.sections) expect(lines[s.line]).toBe(`${s.level === 1 ? '##' : '###'} ${s.heading}`);
    for (const p of data.paragraphs) {
      expect(lines[p.line]).toBe(`**${p.number}.** ${p.text}`);
      for (const s of p.subParagraphs) expect(lines[s.line]).toBe(`- **(${s.letter})** ${s.text}`);
    }
    for (const f of data.footnotes) expect(lines[f.line]).toBe(`${f.marker} ${f.text}`);
    expect(lines[2]).toBe(`# ${data.title}`);
  });
});

/** The source's non-empty lines, trimmed: what a paragraph can be made of. */
const sourceLines = sourceText
  .replace(/\r\n?/g, '\n')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l !== '');
const isFootnoteLine = (l: string) => /^[⁰¹²³⁴⁵⁶⁷⁸⁹]+\s/.test(l) || /^(https?:\/\/|www\.)\S+$/.test(l);

/**
 * How many source lines `text` is made of: 1 when it is one line of the source verbatim;
 * n when it is n source lines joined by single spaces, with only footnote lines (or
 * blank lines) between them. Throws when the text is not made of source lines.
 */
function fragmentsOf(text: string): number {
  const start = sourceLines.findIndex((l) => text.startsWith(l) && l.length > 20);
  if (start < 0) throw new Error(`not in the source: ${text.slice(0, 60)}…`);
  let rest = text.slice(sourceLines[start]!.length);
  let count = 1;
  let i = start + 1;
  while (rest !== '') {
    if (!rest.startsWith(' ')) throw new Error(`does not continue a source line: …${rest.slice(0, 60)}`);
    rest = rest.slice(1);
    while (i < sourceLines.length && !rest.startsWith(sourceLines[i]!)) {
      if (!isFootnoteLine(sourceLines[i]!)) throw new Error(`skips the source line "${sourceLines[i]}" to find: ${rest.slice(0, 60)}…`);
      i++;
    }
    if (i >= sourceLines.length) throw new Error(`rest not in the source: ${rest.slice(0, 60)}…`);
    rest = rest.slice(sourceLines[i]!.length);
    count++;
    i++;
  }
  return count;
}

describe('fidelity to the source', () => {
  const items = [
    ...data.paragraphs.map((p) => ({ id: String(p.number), asPrinted: `${p.number}. ${p.text}`, text: p.text })),
    ...data.paragraphs.flatMap((p) => p.subParagraphs.map((s) => ({ id: `${p.number}(${s.letter})`, asPrinted: `- (${s.letter}) ${s.text}`, text: s.text }))),
    ...data.footnotes.map((f) => ({ id: `footnote ${f.number}`, asPrinted: `${f.marker} ${f.text}`, text: f.text })),
  ];

  it('reads every paragraph, sub-paragraph and footnote exactly as printed', () => {
    expect(items).toHaveLength(27 + 12 + 5);
    const rejoined: Record<string, number> = {};
    for (const item of items) {
      const n = fragmentsOf(item.asPrinted);
      if (n > 1) rejoined[item.id] = n;
      else expect(sourceText).toContain(item.asPrinted);
    }
    // Split by a page break (and, for 5(a) and 9, by the footnote block printed there);
    // footnote 1's address is printed on a line of its own.
    expect(rejoined).toEqual({ '5(a)': 2, '9': 2, '22': 2, '26': 2, 'footnote 1': 2 });
  });

  it('rejoins the paragraphs split across page breaks into whole sentences', () => {
    expect(paper.subParagraph(5, 'a')!.text).toContain('IOM\'s six key recommendations,³ the GMG joint statement and position paper');
    expect(paper.subParagraph(5, 'a')!.text).toMatch(/all demonstrated a convergence of views on key migration issues\.$/);
    expect(paper.paragraph(9)!.text).toContain('the Administration will continue to support Member States');
    expect(paper.paragraph(22)!.text).toContain('resulting from the High-level Dialogue is the partnership');
    expect(paper.paragraph(26)!.text).toContain('brought to light by the High-level Dialogue that are relevant');
    for (const item of items) expect(item.text, item.id).toMatch(/[.:;]$/);
  });

  it('lets no footnote text leak into a paragraph', () => {
    const prose = items.filter((i) => !i.id.startsWith('footnote'));
    for (const f of data.footnotes) {
      const probe = f.text.slice(0, 30);
      for (const p of prose) expect(p.text, `footnote ${f.number} in ${p.id}`).not.toContain(probe);
    }
    for (const p of prose) {
      expect(p.text, p.id).not.toMatch(/https?:|www\.|Available from/);
      if (p.id !== '5(a)') expect(p.text, p.id).not.toMatch(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/);
    }
    expect(paper.paragraph(5)!.text).not.toMatch(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/);
  });

  it('keeps en dashes, quotes and italics as the source prints them', () => {
    expect(paper.paragraph(3)!.text).toContain('showing that – despite multidimensional realities');
    expect(paper.paragraph(16)!.text).toContain('public–private alliance');
    expect(paper.paragraph(18)!.text).toContain('the period 2013–2014');
    expect(paper.paragraph(19)!.text).toContain('the migration–development nexus');
    expect(paper.paragraph(13)!.text).toContain('"Managing migration in crisis situations"');
    expect(paper.paragraph(19)!.text).toContain('*World Migration Report 2013: Migrant Well-being and Development*');
    expect(data.footnotes[0]!.text).toContain('*International Migration and Development: Contributions and Recommendations of the International System*');
    expect(data.footnotes[3]!.text).toContain('2013 – Statement by the Global Migration Group: "International Migration and Development"');
    expect(data.footnotes[4]!.text).toBe('The 5-year Action Plan for Collaboration. Available from <http://hldcivilsociety.org/five-year-action-agenda/>.');
    expect(data.sections[2]!.heading).toBe('The High-level Dialogue – a milestone for migration governance');
  });
});

describe('a malformed data file', () => {
  const good = JSON.parse(readFileSync(jsonFile, 'utf8')) as Record<string, unknown> & { paragraphs: Array<Record<string, unknown>> };
  const parse = (text: string) => parsePaper('/data/bad.json', text, (rel) => `/data/${rel}`);
  const problem = (text: string): CorpusProblem => {
    const result = parse(text);
    if (!isProblem(result)) throw new Error('the malformed file was accepted');
    return result;
  };

  it('bad JSON: names the file and says it is not JSON', () => {
    const p = problem(readFileSync(jsonFile, 'utf8').replace('"symbol": "CRP/43",', '"symbol": "CRP/43"'));
    expect(p.kind).toBe('invalid-json');
    expect(p.file).toBe('/data/bad.json');
    expect(p.detail).toMatch(/JSON/);
  });

  it('a missing field: names the field', () => {
    const { title: _title, ...rest } = good;
    const p = problem(JSON.stringify(rest));
    expect(p.kind).toBe('invalid-data');
    expect(p.file).toBe('/data/bad.json');
    expect(p.detail).toMatch(/^title: /);
  });

  it('a missing field deep inside: names its path', () => {
    const paragraphs = good.paragraphs.map((p, i) => (i === 3 ? { ...p, text: undefined } : p));
    expect(problem(JSON.stringify({ ...good, paragraphs })).detail).toMatch(/^paragraphs\[3\]\.text: /);
  });

  it('a duplicate paragraph number: names the paragraph and the field', () => {
    const paragraphs = good.paragraphs.map((p, i) => (i === 7 ? { ...p, number: 7 } : p));
    const p = problem(JSON.stringify({ ...good, paragraphs }));
    expect(p.detail).toBe('paragraphs[7].number: duplicate paragraph number 7');
  });

  it('says what is wrong with each field in the writer’s language', () => {
    const { title: _title, ...noTitle } = good;
    const paragraphs = good.paragraphs.map((p, i) => (i === 7 ? { ...p, number: 7 } : i === 2 ? { ...p, text: '' } : p));
    const broken = problem(JSON.stringify({ ...noTitle, symbol: 'crp 43', paragraphs, sections: 'none' }));
    expect(problemMessage(broken, translator('en'))).toBe(
      'The data file /data/bad.json could not be loaded: it does not follow the format of paper data (symbol: does not have the expected form; ' +
        'title: missing; sections: should be a list; paragraphs[2].text: must not be empty)',
    );
    expect(problemMessage(broken, translator('fr'))).toBe(
      'Impossible de charger le fichier de données /data/bad.json : son contenu ne suit pas le format des données d’un document (symbol : n’a pas la forme attendue ; ' +
        'title : manquant ; sections : devrait être une liste ; paragraphs[2].text : ne doit pas être vide)',
    );
    // Checks across fields run once each field is well formed.
    const twice = problem(JSON.stringify({ ...good, paragraphs: good.paragraphs.map((p, i) => (i === 7 ? { ...p, number: 7 } : p)) }));
    expect(problemMessage(twice, translator('es'))).toBe(
      'No se pudo cargar el archivo de datos /data/bad.json: su contenido no sigue el formato de los datos de un documento (paragraphs[7].number: el número de párrafo 7 aparece dos veces)',
    );
  });

  it('loadCorpus reports the broken file by name and keeps the good one', () => {
    const folder = mkdtempSync(join(tmpdir(), 'crp-cite-data-'));
    onTestFinished(() => rmSync(folder, { recursive: true, force: true }));
    copyFileSync(jsonFile, join(folder, 'crp-43.json'));
    writeFileSync(join(folder, 'crp-44.json'), JSON.stringify({ ...good, symbol: 'CRP/44', paragraphs: 'none' }));
    const corpus = loadCorpus(folder);
    expect(corpus.papers.map((p) => p.symbol)).toEqual(['CRP/43']);
    expect(corpus.problems).toEqual([
      { kind: 'invalid-data', file: join(folder, 'crp-44.json'), detail: expect.stringMatching(/^paragraphs: /), issues: [{ path: 'paragraphs', key: 'invalidType', params: { expected: 'array' }, message: expect.any(String) }] },
    ]);
  });

  it('loads the real corpus without problems', () => {
    const corpus = loadCorpus(documents);
    expect(corpus.problems).toEqual([]);
    expect(corpus.paper('CRP/43')?.renderingPath).toBe(join(documents, 'crp-43.md'));
  });
});
