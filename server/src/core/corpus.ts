/**
 * The corpus: every paper the writers can cite, loaded from `data/documents/*.json`.
 *
 * A paper is data, not code: adding a second paper means adding its JSON (and its
 * Markdown rendering) next to CRP/43's. Each file is validated with a zod schema when
 * it loads; a broken file is reported (file + field) and skipped, the rest keeps working.
 */
import * as z from 'zod/mini';
// zod/mini carries no messages of its own: English ones, as the full zod gives, so a
// broken data file is described the same way. (zod/mini instead of zod: the same
// validation, a tenth of the server bundle; see the README's performance section.)
import en from 'zod/v4/locales/en.js';

/**
 * The schemas, built on first use: zod takes some 5 ms to build them, which start-up paid
 * before answering `initialize`, when no paper is loaded yet.
 */
function buildSchemas() {
  z.config(en());
  const line = z.int().check(z.nonnegative());
  const positiveInt = z.int().check(z.positive());
  const nonEmpty = z.string().check(z.minLength(1));
  const letter = z.string().check(z.regex(/^[a-z]$/));

  const FootnoteSchema = z.object({
    number: positiveInt,
    /** The call mark as printed in the paper (¹, ², ⁴ ...). */
    marker: nonEmpty,
    text: nonEmpty,
    /** Where the note is called from. */
    calledFrom: z.object({
      paragraph: positiveInt,
      subParagraph: z.optional(letter),
    }),
    /** Zero-based line of the note in the Markdown rendering. */
    line,
  });

  const SubParagraphSchema = z.object({
    letter,
    text: nonEmpty,
    line,
  });

  const ParagraphSchema = z.object({
    number: positiveInt,
    /** The paragraph's own text; for a paragraph with sub-paragraphs, its lead-in. */
    text: nonEmpty,
    /** Index into `sections` of the heading the paragraph sits under. */
    section: line,
    subParagraphs: z.array(SubParagraphSchema),
    line,
  });

  const SectionSchema = z.object({
    heading: nonEmpty,
    /** 1 for the paper's parts, 2 for the headings inside a part. */
    level: z.union([z.literal(1), z.literal(2)]),
    line,
  });

  const PaperSchema = z
    .object({
      /** The symbol writers cite, e.g. "CRP/43". */
      symbol: z.string().check(z.regex(/^[A-Z][A-Za-z]*\/[0-9A-Za-z./-]*[0-9A-Za-z]$/)),
      title: nonEmpty,
      /** ISO date of the paper. */
      date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
      category: nonEmpty,
      session: nonEmpty,
      sessionDates: nonEmpty,
      /** The distribution note printed on the paper ("English only"). */
      languageNote: nonEmpty,
      /** The language of the paper's text here (`en` when absent): quotations in another are translations, not checked. */
      language: z.optional(z.enum(['en', 'fr', 'es'])),
      /** Markdown rendering of the paper, relative to the JSON file. */
      rendering: nonEmpty,
      sections: z.array(SectionSchema),
      paragraphs: z.array(ParagraphSchema).check(z.minLength(1)),
      footnotes: z.array(FootnoteSchema),
    })
    .check(
      z.superRefine((paper, ctx) => {
        const seen = new Set<number>();
        paper.paragraphs.forEach((p, i) => {
          if (seen.has(p.number)) {
            ctx.addIssue({ code: 'custom', path: ['paragraphs', i, 'number'], message: `duplicate paragraph number ${p.number}`, params: { key: 'duplicateParagraph', number: p.number } });
          }
          seen.add(p.number);
          if (p.section >= paper.sections.length) {
            ctx.addIssue({ code: 'custom', path: ['paragraphs', i, 'section'], message: `no section ${p.section}`, params: { key: 'unknownSection', section: p.section } });
          }
          const letters = new Set<string>();
          p.subParagraphs.forEach((s, j) => {
            if (letters.has(s.letter)) {
              ctx.addIssue({ code: 'custom', path: ['paragraphs', i, 'subParagraphs', j, 'letter'], message: `duplicate sub-paragraph (${s.letter})`, params: { key: 'duplicateSubParagraph', letter: s.letter } });
            }
            letters.add(s.letter);
          });
        });
        paper.footnotes.forEach((f, i) => {
          if (!seen.has(f.calledFrom.paragraph)) {
            ctx.addIssue({ code: 'custom', path: ['footnotes', i, 'calledFrom', 'paragraph'], message: `no paragraph ${f.calledFrom.paragraph}`, params: { key: 'unknownParagraph', number: f.calledFrom.paragraph } });
          }
        });
      }),
    );
  return { FootnoteSchema, SubParagraphSchema, ParagraphSchema, SectionSchema, PaperSchema };
}

type Schemas = ReturnType<typeof buildSchemas>;
let schemas: Schemas | undefined;

/** The schema of a paper's data file. */
export function paperSchema(): Schemas['PaperSchema'] {
  return (schemas ??= buildSchemas()).PaperSchema;
}

export type Footnote = z.infer<Schemas['FootnoteSchema']>;
export type SubParagraph = z.infer<Schemas['SubParagraphSchema']>;
export type Paragraph = z.infer<Schemas['ParagraphSchema']>;
export type Section = z.infer<Schemas['SectionSchema']>;
export type PaperData = z.infer<Schemas['PaperSchema']>;

/** A loaded paper with its lookups, and where its rendering lives on disk. */
export class Paper {
  private readonly byNumber = new Map<number, Paragraph>();
  readonly maxParagraph: number;

  constructor(
    readonly data: PaperData,
    /** Absolute path of the Markdown rendering, the target of go-to-definition. */
    readonly renderingPath: string,
  ) {
    for (const p of data.paragraphs) this.byNumber.set(p.number, p);
    this.maxParagraph = Math.max(...data.paragraphs.map((p) => p.number));
  }

  get symbol(): string {
    return this.data.symbol;
  }

  /** The language of the paper's text, which quotations are checked in. */
  get language(): 'en' | 'fr' | 'es' {
    return this.data.language ?? 'en';
  }

  paragraph(n: number): Paragraph | undefined {
    return this.byNumber.get(n);
  }

  subParagraph(n: number, letter: string): SubParagraph | undefined {
    return this.byNumber.get(n)?.subParagraphs.find((s) => s.letter === letter);
  }

  section(p: Paragraph): Section | undefined {
    return this.data.sections[p.section];
  }

  /** Footnote `n`, numbered as printed. */
  footnote(n: number): Footnote | undefined {
    return this.data.footnotes.find((f) => f.number === n);
  }

  /** Footnotes called from a paragraph; with `letter`, only those called from that sub-paragraph. */
  footnotesOf(n: number, letter?: string): Footnote[] {
    return this.data.footnotes.filter(
      (f) => f.calledFrom.paragraph === n && (letter === undefined || f.calledFrom.subParagraph === letter),
    );
  }

  /** The paragraph whose rendering spans `line` (its own line or one of its sub-paragraphs'). */
  paragraphAtLine(line: number): { paragraph: Paragraph; subParagraph?: SubParagraph } | undefined {
    for (const p of this.data.paragraphs) {
      if (p.line === line) return { paragraph: p };
      const sub = p.subParagraphs.find((s) => s.line === line);
      if (sub) return { paragraph: p, subParagraph: sub };
    }
    return undefined;
  }
}

/** A problem found while loading the corpus; `file` and `detail` are shown to the writer. */
export interface CorpusProblem {
  kind: 'unreadable' | 'invalid-json' | 'invalid-data' | 'duplicate-symbol' | 'empty';
  file: string;
  /** In English (the parser's or the schema's words): logs and tests. */
  detail: string;
  /** For invalid data, each field at fault and what is wrong with it, to be said in the writer's language (load.ts). */
  issues?: DataIssue[];
}

/**
 * One field of a data file at fault: where (`paragraphs[3].text`), what is wrong as a
 * catalog key under `server.dataIssue` with its parameters, and zod's English words for
 * what no key covers.
 */
export interface DataIssue {
  path: string;
  key: 'missing' | 'invalidType' | 'empty' | 'atLeast' | 'greaterThan' | 'invalidFormat' | 'duplicateParagraph' | 'unknownSection' | 'duplicateSubParagraph' | 'unknownParagraph' | 'other';
  params: Record<string, string | number>;
  message: string;
}

const CUSTOM_KEYS = new Set<DataIssue['key']>(['duplicateParagraph', 'unknownSection', 'duplicateSubParagraph', 'unknownParagraph']);

function pathText(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || '(root)';
}

/** Whether `path` names a field absent from `json` (zod says only "expected string, received undefined"). */
function isMissing(json: unknown, path: readonly PropertyKey[]): boolean {
  let at: unknown = json;
  for (const [i, key] of path.entries()) {
    if (at === null || typeof at !== 'object') return false;
    const record = at as Record<PropertyKey, unknown>;
    if (i === path.length - 1) return !(key in record) || record[key] === undefined;
    at = record[key];
  }
  return false;
}

/** zod's issue as a `DataIssue`. */
export function dataIssue(issue: z.core.$ZodIssue, json: unknown): DataIssue {
  const path = pathText(issue.path);
  const base = { path, params: {}, message: issue.message };
  switch (issue.code) {
    case 'invalid_type':
      return isMissing(json, issue.path) ? { ...base, key: 'missing' } : { ...base, key: 'invalidType', params: { expected: issue.expected } };
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if ((issue.origin === 'string' || issue.origin === 'array') && minimum === 1) return { ...base, key: 'empty' };
      return { ...base, key: issue.inclusive ? 'atLeast' : 'greaterThan', params: { minimum } };
    }
    case 'invalid_format':
      return { ...base, key: 'invalidFormat' };
    case 'custom': {
      const { key, ...params } = (issue.params ?? {}) as Record<string, string | number>;
      return CUSTOM_KEYS.has(key as DataIssue['key']) ? { ...base, key: key as DataIssue['key'], params } : { ...base, key: 'other' };
    }
    default:
      return { ...base, key: 'other' };
  }
}

export class Corpus {
  private readonly bySymbol = new Map<string, Paper>();

  constructor(
    papers: readonly Paper[],
    readonly problems: readonly CorpusProblem[] = [],
  ) {
    for (const p of papers) this.bySymbol.set(p.symbol, p);
  }

  get papers(): Paper[] {
    return [...this.bySymbol.values()];
  }

  paper(symbol: string): Paper | undefined {
    return this.bySymbol.get(symbol);
  }
}

/** The issues in one line, in English (zod's words): `paragraphs[3].text: Too small ...; ...`. */
function describeIssues(issues: readonly DataIssue[]): string {
  return issues.map((i) => `${i.path}: ${i.message}`).join('; ');
}

/**
 * Parses one paper's JSON text. Never throws: returns the paper or the problem.
 * `resolveRendering` maps the data's relative rendering path to an absolute one.
 */
export function parsePaper(
  file: string,
  text: string,
  resolveRendering: (relative: string) => string,
): Paper | CorpusProblem {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { kind: 'invalid-json', file, detail: e instanceof Error ? e.message : String(e) };
  }
  const parsed = paperSchema().safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => dataIssue(i, json));
    return { kind: 'invalid-data', file, detail: describeIssues(issues), issues };
  }
  return new Paper(parsed.data, resolveRendering(parsed.data.rendering));
}

export function isProblem(x: Paper | CorpusProblem): x is CorpusProblem {
  return !(x instanceof Paper);
}
