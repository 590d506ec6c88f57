/**
 * crp-cite's own requests and notifications, beyond standard LSP. Declared once here and
 * imported by both the VS Code client (through vscode-languageclient) and the server
 * (through vscode-languageserver); both re-export these types from
 * vscode-languageserver-protocol, so the method names and payloads cannot drift apart.
 *
 * Everything here is plain JSON: numbers, strings, arrays and records. Paragraph counts are
 * records keyed by the paragraph number as a string, because JSON objects have string keys.
 */
import { NotificationType, RequestType, type Position } from 'vscode-languageserver-protocol';
import type { CitationStyle, Language } from './settings';

// --- crpCite/outline -------------------------------------------------------------------

export interface OutlineParams {
  /** The paper, e.g. `CRP/43`; the first loaded paper when absent. */
  symbol?: string;
}

export interface OutlineFootnote {
  number: number;
  /** The call mark as printed (¹, ², ...). */
  marker: string;
  firstWords: string;
  text: string;
  /** Zero-based line in the paper's rendering. */
  line: number;
}

export interface OutlineSubParagraph {
  letter: string;
  firstWords: string;
  text: string;
  line: number;
  footnotes: OutlineFootnote[];
}

export interface OutlineParagraph {
  number: number;
  /** The start of the text, cut at a word boundary, for one-line labels. */
  firstWords: string;
  /** The paragraph's own text (its lead-in when it has sub-paragraphs). */
  text: string;
  /** Index into `Outline.sections`. */
  section: number;
  line: number;
  subParagraphs: OutlineSubParagraph[];
  /** Footnotes called from the paragraph's own text (not from its sub-paragraphs). */
  footnotes: OutlineFootnote[];
}

export interface OutlineSection {
  heading: string;
  /** 1 for the paper's parts, 2 for headings inside a part. */
  level: 1 | 2;
  line: number;
}

export interface Outline {
  symbol: string;
  title: string;
  date: string;
  /** `file:` URI of the paper's Markdown rendering (what go-to-definition opens). */
  renderingUri: string;
  sections: OutlineSection[];
  paragraphs: OutlineParagraph[];
}

/**
 * Client → server: the paper's structure and whole text, for the side panel and the
 * Insert citation… quick pick. The client keeps no copy of the paper of its own.
 */
export const OutlineRequest = new RequestType<OutlineParams, Outline | null, void>('crpCite/outline');

// --- crpCite/citationCounts --------------------------------------------------------------

export interface CitationCountsParams {
  /** The draft whose citations are counted (an open document). */
  uri: string;
  symbol?: string;
}

export interface CitationCounts {
  symbol: string;
  /**
   * Paragraph number (`"6"`) or footnote (`"n2"`) → citations in this draft that cover it
   * (a range counts once per paragraph).
   */
  draft: Record<string, number>;
  /** The same over the workspace: its folders' drafts, and every open draft (with none, the open drafts alone). */
  workspace: Record<string, number>;
  /**
   * Paragraph number or footnote (as in `draft`) → where the draft first cites it (on the number when the citation
   * names it, else at the start of the range covering it): where Find references starts.
   */
  firstCitation: Record<string, Position>;
  /**
   * Paragraph number or footnote (as in `draft`) → quotations of it over the workspace (the
   * draft alone without a workspace index), and how many of them do not match the paper.
   */
  quotations: Record<string, { quoted: number; mismatched: number }>;
}

/** Client → server: how often each paragraph is cited, for the panel's badges. */
export const CitationCountsRequest = new RequestType<CitationCountsParams, CitationCounts | null, void>('crpCite/citationCounts');

// --- crpCite/citationAt ------------------------------------------------------------------

export interface CitationAtParams {
  uri: string;
  position: Position;
}

export interface CitedPassage {
  symbol: string;
  paragraph: number;
  subParagraph?: string;
}

/**
 * Client → server: the paragraph under the cursor, if the cursor is on a citation: the
 * number or letter under it, or the citation's first paragraph when on its symbol or mark.
 * The panel uses it to follow the cursor.
 */
export const CitationAtRequest = new RequestType<CitationAtParams, CitedPassage | null, void>('crpCite/citationAt');

// --- crpCite/formatCitation --------------------------------------------------------------

export interface FormatCitationParams extends CitedPassage {
  style: CitationStyle;
}

export interface FormattedCitation {
  /** E.g. `CRP/43 §6(a)`, `CRP/43, para. 6(a)`, `CRP/43, par. 6(a)`, `CRP/43, párr. 6(a)`. */
  text: string;
}

/**
 * Client → server: the citation text for a paragraph in a style; `local` uses the
 * server's current language. Kept on the server so the grammar that reads citations and
 * the code that writes them live side by side.
 */
export const FormatCitationRequest = new RequestType<FormatCitationParams, FormattedCitation | null, void>('crpCite/formatCitation');

// --- crpCite/annex -----------------------------------------------------------------------

export interface AnnexParams {
  /** The draft whose cited passages are tabled (an open document). */
  uri: string;
}

export interface AnnexText {
  /** The table as Markdown, in the server's language, with links to the draft's lines. */
  markdown: string;
}

/** Client → server: the table of the passages a draft cites and of those it does not (`crp-cite annex`). */
export const AnnexRequest = new RequestType<AnnexParams, AnnexText | null, void>('crpCite/annex');

// --- crpCite/didChangeSettings -----------------------------------------------------------

export interface ClientSettings {
  /** Already resolved by the client: `auto` becomes VS Code's display language. */
  language: Language;
  /** Whether the server publishes diagnostics. */
  diagnostics: boolean;
  /** How the style quick fix writes citations (`crpCite.citationStyle`). */
  citationStyle: CitationStyle;
  /** Drafts longer than this, in characters, are indexed only around the cursor. */
  maxDocumentSize: number;
}

/**
 * Client → server, whenever a `crpCite.*` setting changes: the new language takes effect
 * at once (hovers, completions and republished diagnostics). The same object is sent as
 * `initializationOptions.settings` at start-up. Other editors can use the standard
 * `workspace/didChangeConfiguration` with `{ crpCite: { language } }` instead.
 */
export const DidChangeSettingsNotification = new NotificationType<ClientSettings>('crpCite/didChangeSettings');
