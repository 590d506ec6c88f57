/**
 * A closed draft as the workspace index keeps it, and how one is read: by the server's
 * thread or by its index worker (lsp/indexWorker.ts), the same way.
 */
import { readFileSync, statSync } from 'node:fs';
import type { Corpus } from '../core/corpus';
import { compactCitations, type CompactCitations } from '../core/compactCitations';
import { decodeDraft } from '../core/decode';
import { tallyQuotations, type QuotationTally } from '../core/features/quotations';
import { DraftIndex } from '../core/draft/draftIndex';
import { sameStamp, stampOf, type FileStamp } from './indexCache';

/**
 * A closed draft: its citations, compact, its quotations as the panel counts them, and the
 * stamp of the file they were read from. Not its text (2,000 drafts' texts and citation
 * objects took 550 MB; this, some 30 MB): the few requests that need it read it again.
 */
export type DiskFile = CompactCitations & { quotations: QuotationTally[]; stamp: FileStamp };

/** What reading a closed draft gave: the file; a file that is not text (at this line); or nothing to index (unreadable, over the size limit). */
export type DiskRead = { file: DiskFile } | { notText: number } | undefined;

/** What the index keeps of a closed draft's text. */
function indexText(text: string, corpus: Corpus, stamp: FileStamp): DiskFile {
  // Citations not kept packed in the blocks: only a block quote's lines ask for theirs
  // again, and packing every block cost more (400 drafts: 2.21 → 2.06 s without).
  const draft = new DraftIndex(text, corpus.papers.map((p) => p.symbol), { keepCitations: false });
  const citations = draft.citations();
  return { ...compactCitations(text, citations), quotations: tallyQuotations(draft, corpus, citations), stamp };
}

/** A file's text as an editor opens it (core/decode.ts), or the line where it stops being text. */
function decodedText(bytes: ArrayBufferView & ArrayLike<number>): { text: string } | { notText: number } {
  const decoded = decodeDraft(bytes);
  return 'text' in decoded ? { text: decoded.text } : { notText: decoded.notUtf8.line };
}

/**
 * Reads and indexes a closed draft, synchronously. `known` (what an earlier read gave)
 * is returned as it is while the file keeps its stamp. A file over `maxSize` characters
 * is not indexed, as when open; a UTF-16 code unit takes at most three bytes in UTF-8:
 * past that, it is not even read.
 */
export function readDiskFile(path: string, corpus: Corpus, maxSize: number, known?: DiskFile): DiskRead {
  try {
    const stamp = stampOf(statSync(path));
    if (stamp.size > maxSize * 3) return undefined;
    if (known && sameStamp(known.stamp, stamp)) return { file: known };
    const decoded = decodedText(readFileSync(path));
    if ('notText' in decoded) return decoded;
    if (decoded.text.length > maxSize) return undefined;
    return { file: indexText(decoded.text, corpus, stamp) };
  } catch {
    return undefined;
  }
}
