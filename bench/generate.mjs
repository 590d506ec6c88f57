// Benchmark inputs, deterministic from a seed: one large draft (~5 MB, ~50,000 citations)
// and a workspace of 2,000 drafts (~50 MB). Realistic Markdown prose in English, French
// and Spanish, hard-wrapped, the citation forms writers use (see server/src/core/grammar.ts:
// symbol first and last and without the symbol, UN letters, footnotes, `Ibid.`),
// quotations of the paper's own words (some misquoted), lists, tables, block quotes, Markdown footnotes, code blocks and
// spans, and some invalid citations (§28, §6(d), reversed ranges).
//
//   node bench/generate.mjs [--seed N] [--quick] [--out bench/out]
import { mkdirSync, rmSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The paper's paragraphs, whose words the drafts quote. */
/** A note citing a paragraph, as each language writes it. */
const MARK_FIRST_NOTE = { en: 'CRP/43, para.', fr: 'CRP/43, par.', es: 'CRP/43, párr.' };

const PARAGRAPHS = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'documents', 'crp-43.json'), 'utf8')).paragraphs;

/** mulberry32: small, fast, good enough for test data. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBS = { 5: 'abc', 6: 'abc', 12: 'abc', 24: 'abc' };
const MAX = 27;

const WORDS = {
  en: {
    intro: ['The Administration notes', 'Member States recalled', 'As the paper explains', 'The Council was informed', 'It is worth stressing', 'The Dialogue confirmed', 'Delegations welcomed', 'The Director General observed'],
    body: ['that migration is a cross-cutting issue', 'the links between migration and development', 'the protection of migrants in crisis situations', 'the role of the Global Migration Group', 'the need for better data and evidence', 'cooperation with regional consultative processes', 'the ethical recruitment of migrant workers', 'the post-2015 development agenda', 'the human rights of all migrants', 'the relationship between IOM and the United Nations'],
    tail: ['and this deserves follow-up', 'as set out in detail', 'with broad support', 'in line with earlier decisions', 'which the Secretariat will pursue', 'for the coming biennium'],
    heads: ['Purpose', 'Background', 'What the Dialogue achieved', 'Priorities for action', 'Institutional questions', 'Next steps', 'Annex'],
  },
  fr: {
    intro: ["L'Administration relève", 'Les États Membres ont rappelé', 'Comme le document l’explique', 'Le Conseil a été informé', 'Il convient de souligner', 'Le Dialogue a confirmé', 'Les délégations ont salué'],
    body: ['que la migration est une question transversale', 'les liens entre migration et développement', 'la protection des migrants en situation de crise', 'le rôle du Groupe mondial sur la migration', 'la nécessité de meilleures données', 'la coopération avec les processus consultatifs régionaux', 'le recrutement éthique des travailleurs migrants'],
    tail: ['et mérite un suivi', 'comme indiqué en détail', 'avec un large soutien', 'conformément aux décisions antérieures', 'pour le prochain exercice biennal'],
    heads: ['Objet', 'Contexte', 'Résultats du Dialogue', "Priorités d'action", 'Questions institutionnelles', 'Prochaines étapes'],
  },
  es: {
    intro: ['La Administración señala', 'Los Estados Miembros recordaron', 'Como explica el documento', 'Se informó al Consejo', 'Cabe destacar', 'El Diálogo confirmó', 'Las delegaciones acogieron con beneplácito'],
    body: ['que la migración es una cuestión transversal', 'los vínculos entre migración y desarrollo', 'la protección de los migrantes en situaciones de crisis', 'el papel del Grupo Mundial sobre Migración', 'la necesidad de mejores datos', 'la cooperación con los procesos consultivos regionales', 'la contratación ética de trabajadores migrantes'],
    tail: ['y merece seguimiento', 'como se expone en detalle', 'con amplio apoyo', 'de conformidad con decisiones anteriores', 'para el próximo bienio'],
    heads: ['Objeto', 'Antecedentes', 'Resultados del Diálogo', 'Prioridades', 'Cuestiones institucionales', 'Próximos pasos'],
  },
};

/** Citation forms per language; `n`, `m` are paragraph numbers (n < m), `s` a sub-paragraph letter. */
const FORMS = {
  en: [
    (r) => `CRP/43 §${r.n}`,
    (r) => `CRP/43 §${r.sn}(${r.s})`,
    (r) => `CRP/43 § ${r.sn} (${r.s})`,
    (r) => `CRP/43 §§${r.n}–${r.m}`,
    (r) => `CRP/43 §§${r.n}-${r.m}`,
    (r) => `CRP/43 §§${r.n}, ${r.m} and ${r.k}`,
    (r) => `CRP/43 §${r.sn}(a)–(c)`,
    (r) => `CRP/43, para. ${r.n}`,
    (r) => `CRP/43, paras. ${r.n} to ${r.m}`,
    (r) => `CRP/43, paras. ${r.n} and ${r.m}`,
    (r) => `CRP/43\n§${r.n}`,
    (r) => `CRP/43 §\u00a0${r.n}`,
    (r) => `paragraph ${r.n} of CRP/43`,
    (r) => `paragraphs ${r.n} to ${r.m} of document CRP/43`,
    (r) => `CRP/43 (para. ${r.n})`,
    (r) => `CRP/43, note ${1 + (r.n % 5)}`,
    // Without the symbol: the paper named before it.
    (r) => `para ${r.n}`,
    (r) => `paras ${r.n} and ${r.m}`,
    (r) => `¶ ${r.sn}(${r.s})`,
  ],
  fr: [
    (r) => `CRP/43, par. ${r.n}`,
    (r) => `CRP/43, paragraphe ${r.n}`,
    (r) => `CRP/43, paragraphes ${r.n} à ${r.m}`,
    (r) => `CRP/43, paragraphes ${r.n} et ${r.m}`,
    (r) => `CRP/43, par. ${r.sn} (${r.s})`,
    (r) => `CRP/43, §\u202f${r.n}`,
    (r) => `CRP/43 §§${r.n}–${r.m}`,
    (r) => `paragraphe ${r.n} du document CRP/43`,
    (r) => `CRP/43, par. ${r.sn} ${r.s})`,
    (r) => `par. ${r.n}`,
    (r) => `paragraphes ${r.n} et ${r.m}`,
  ],
  es: [
    (r) => `CRP/43, párr. ${r.n}`,
    (r) => `CRP/43, párrafo ${r.n}`,
    (r) => `CRP/43, párrafos ${r.n} y ${r.m}`,
    (r) => `CRP/43, párrs. ${r.n} a ${r.m}`,
    (r) => `CRP/43, párr. ${r.sn} (${r.s})`,
    (r) => `CRP/43, párrs. ${r.n}–${r.m}`,
    (r) => `párrafo ${r.n} del documento CRP/43`,
    (r) => `CRP/43, nota ${1 + (r.n % 5)}`,
    (r) => `párr. ${r.n}`,
    (r) => `párrafo ${r.sn} ${r.s})`,
  ],
};

const INVALID = [(r) => `CRP/43 §28`, (r) => `CRP/43 §6(d)`, (r) => `CRP/43 §§${r.m}–${r.n}`, (r) => `CRP/43, para. 40`];

function makeWriter(random) {
  const pick = (a) => a[Math.floor(random() * a.length)];
  const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));

  function citation(lang) {
    const n = int(1, MAX - 2);
    const m = int(n + 1, Math.min(MAX - 1, n + 3));
    const k = m + 1;
    const sn = pick([5, 6, 12, 24]);
    const r = { n, m, k, sn, s: pick(SUBS[sn].split('')) };
    if (random() < 0.02) return { text: pick(INVALID)(r), invalid: true };
    return { text: pick(FORMS[lang])(r), invalid: false };
  }

  /** Eight to fifteen words of paragraph `p`, as a writer quotes them; one word changed in one quotation out of ten. */
  function quotation(p) {
    const words = p.text.replace(/\*/g, '').split(' ');
    const length = Math.min(words.length, int(8, 15));
    const from = int(0, words.length - length);
    const quoted = words.slice(from, from + length);
    if (random() < 0.1) quoted[int(1, quoted.length - 1)] = 'indeed';
    return quoted.join(' ');
  }

  /** One sentence, with a citation in most of them. Returns [text, citations]. */
  function sentence(lang) {
    const w = WORDS[lang];
    let s = `${pick(w.intro)} ${pick(w.body)}`;
    let count = 0;
    const roll = random();
    if (roll < 0.06) {
      // A quotation of the paper's words, in the citation's sentence.
      const p = pick(PARAGRAPHS);
      s = `As CRP/43\u0001§${p.number} puts it, “${quotation(p)}”`;
      count++;
    } else if (roll < 0.07) {
      // A short form after a citation.
      s += ` (${citation(lang).text.replace(/ /g, '\u0001')}; Ibid.,\u0001para.\u0001${int(1, MAX)})`;
      count += 2;
    } else if (roll < 0.9) {
      // Citations never wrap inside (the \u0001 placeholder is a space that wrap() keeps).
      s += ` (${citation(lang).text.replace(/ /g, '\u0001')})`;
      count++;
      if (random() < 0.7) {
        s += `, ${pick(w.tail)} (${citation(lang).text.replace(/ /g, '\u0001')})`;
        count++;
      }
    } else if (roll < 0.95) {
      // Inline code: a citation inside is not one.
      s += ` (see \`${citation(lang).text.replace(/ /g, '\u0001')}\`)`;
    }
    s += ` ${pick(w.tail)}.`;
    return [s, count];
  }

  /**
   * A Markdown document of roughly `bytes` bytes. Returns { text, citations }. Prose is
   * hard-wrapped at 88 columns, as most writers' editors leave it; `longLines`: one line
   * per paragraph, as a word processor's export does.
   */
  function document(bytes, lang0, { longLines = false } = {}) {
    const parts = [];
    let size = 0;
    let citations = 0;
    let footnote = 0;
    let lang = lang0 ?? pick(['en', 'fr', 'es']);
    const push = (s) => {
      parts.push(s);
      size += Buffer.byteLength(s) + 1;
    };
    push(`# ${pick(WORDS[lang].heads)}\n`);
    while (size < bytes) {
      if (!lang0 && random() < 0.02) lang = pick(['en', 'fr', 'es']);
      const roll = random();
      if (roll < 0.04) {
        push(`## ${pick(WORDS[lang].heads)}\n`);
      } else if (roll < 0.06) {
        const fence = pick(['```', '~~~']);
        push(`${fence}${pick(['text', 'json', ''])}\nReference list exported from the document system:\n${citation(lang).text}, ${citation(lang).text}\n${fence}\n`);
      } else if (roll < 0.1) {
        const lines = [];
        for (let i = int(2, 5); i > 0; i--) {
          const [s, c] = sentence(lang);
          lines.push(`- ${s}`);
          citations += c;
        }
        push(`${lines.join('\n')}\n`);
      } else if (roll < 0.12) {
        const [s, c] = sentence(lang);
        citations += c;
        push(`> ${s}\n`);
      } else if (roll < 0.125) {
        push(`<!-- editor: check ${citation(lang).text} before sending -->\n`);
      } else if (roll < 0.135) {
        // A table of commitments and the paragraphs they answer.
        const rows = ['| Commitment | Source | Status |', '|---|---|---|'];
        for (let i = int(2, 6); i > 0; i--) {
          rows.push(`| ${pick(WORDS[lang].body)} | ${citation(lang).text.replace(/\n/g, ' ')} | ${pick(WORDS[lang].tail)} |`);
          citations++;
        }
        push(`${rows.join('\n')}\n`);
      } else if (roll < 0.145) {
        // A paragraph with a footnote whose definition cites the paper; one in three quotes
        // the paper's words, cited in the note (UN style). (Chosen by the count, not drawn:
        // the inputs stay those of earlier runs but for these sentences.)
        const [s, c] = sentence(lang);
        footnote++;
        const cited = citation(lang).text.replace(/\n/g, ' ');
        if (footnote % 3 === 0) {
          const p = PARAGRAPHS[footnote % PARAGRAPHS.length];
          const quoted = p.text.replace(/\*/g, '').split(' ').slice(0, 10).join(' ');
          const says = { en: 'the paper says “%”', fr: 'le document dit «\u00a0%\u00a0»', es: 'el documento dice «%»' }[lang].replace('%', quoted);
          push(`${wrap(`${s.slice(0, -1)}; ${says}.[^${footnote}]`, 88)}\n\n[^${footnote}]: ${MARK_FIRST_NOTE[lang]} ${p.number}.\n`);
        } else push(`${wrap(`${s}[^${footnote}]`, 88)}\n\n[^${footnote}]: ${cited}.\n`);
        citations += c + 1;
      } else {
        // A hard-wrapped paragraph of 3–8 sentences.
        const sentences = [];
        for (let i = int(3, 8); i > 0; i--) {
          const [s, c] = sentence(lang);
          sentences.push(s);
          citations += c;
        }
        push(`${longLines ? sentences.join(' ') : wrap(sentences.join(' '), 88)}\n`);
      }
    }
    return { text: parts.join('\n').replace(/\u0001/g, ' '), citations };
  }

  return { document, random, int };
}

/** Hard-wraps prose at spaces (never inside a citation's symbol). */
function wrap(text, width) {
  const out = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line.length + word.length + 1 > width && line !== '') {
      out.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line) out.push(line);
  return out.join('\n');
}

/**
 * Writes `large.md` (hard-wrapped), `large-long-lines.md` (the same kind of draft, one
 * line per paragraph) and `workspace/` under `out`. Skips the work when the same seed and
 * sizes were generated before (the manifest records them).
 */
export function generate({ seed = 43, out = 'bench/out/full', largeBytes = 5_000_000, drafts = 2000, draftBytes = 25_000 } = {}) {
  const manifestPath = join(out, 'manifest.json');
  const key = { seed, largeBytes, drafts, draftBytes, version: 7 };
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (JSON.stringify(manifest.key) === JSON.stringify(key)) return manifest;
  }
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'workspace'), { recursive: true });
  const writer = makeWriter(rng(seed));
  const large = writer.document(largeBytes);
  writeFileSync(join(out, 'large.md'), large.text);
  const longLines = writer.document(largeBytes, undefined, { longLines: true });
  writeFileSync(join(out, 'large-long-lines.md'), longLines.text);
  let workspaceBytes = 0;
  let workspaceCitations = 0;
  for (let i = 0; i < drafts; i++) {
    const dir = join(out, 'workspace', `team-${String(i % 20).padStart(2, '0')}`);
    if (i < 20) mkdirSync(dir, { recursive: true });
    const doc = writer.document(Math.round(draftBytes * (0.5 + writer.random())));
    writeFileSync(join(dir, `draft-${String(i).padStart(4, '0')}.md`), doc.text);
    workspaceBytes += Buffer.byteLength(doc.text);
    workspaceCitations += doc.citations;
  }
  const manifest = {
    key,
    large: { path: join(out, 'large.md'), bytes: Buffer.byteLength(large.text), citations: large.citations },
    longLines: { path: join(out, 'large-long-lines.md'), bytes: Buffer.byteLength(longLines.text), citations: longLines.citations },
    workspace: { path: join(out, 'workspace'), drafts, bytes: workspaceBytes, citations: workspaceCitations },
  };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return manifest;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const seedAt = args.indexOf('--seed');
  const outAt = args.indexOf('--out');
  const quick = args.includes('--quick');
  const manifest = generate({
    seed: seedAt >= 0 ? Number(args[seedAt + 1]) : 43,
    out: outAt >= 0 ? args[outAt + 1] : quick ? 'bench/out/quick' : 'bench/out/full',
    ...(quick ? { largeBytes: 500_000, drafts: 100 } : {}),
  });
  console.log(JSON.stringify(manifest, null, 2));
}
