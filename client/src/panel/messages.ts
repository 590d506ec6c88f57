/**
 * Messages between the extension and the panel's webview. What the extension sends is
 * typed; what the webview sends is checked against a zod schema, because a webview is a
 * web page showing text the extension did not write, and its messages are input like any
 * other. Malformed or unknown messages are logged and ignored.
 */
import { z } from 'zod';
import type { Outline } from '../../../server/src/protocol';
import type { CountsView, PanelStrings } from './viewModel';

/** A paragraph, one of its sub-paragraphs, or one of its footnotes. */
export const TargetSchema = z
  .object({
    paragraph: z.number().int().positive().max(100_000),
    subParagraph: z.string().regex(/^[a-z]$/).optional(),
    footnote: z.number().int().positive().max(100_000).optional(),
  })
  .strict();
export type Target = z.infer<typeof TargetSchema>;

export const WebviewMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }).strict(),
  z.object({ type: z.literal('select'), target: TargetSchema }).strict(),
  z.object({ type: z.literal('insert'), target: TargetSchema }).strict(),
  z.object({ type: z.literal('copy'), target: TargetSchema }).strict(),
  z.object({ type: z.literal('open'), target: TargetSchema }).strict(),
  z.object({ type: z.literal('references'), target: TargetSchema }).strict(),
]);
/** Webview → extension. */
export type WebviewMessage = z.infer<typeof WebviewMessageSchema>;

/** The message if it is well formed, else a one-line reason for the log. */
export function parseWebviewMessage(data: unknown): { ok: true; message: WebviewMessage } | { ok: false; reason: string } {
  const result = WebviewMessageSchema.safeParse(data);
  if (result.success) return { ok: true, message: result.data };
  const reason = result.error.issues.map((i) => `${i.path.join('.') || '(message)'}: ${i.message}`).join('; ');
  return { ok: false, reason };
}

/** A command's optional argument (`crpCite.insertCitation`, `crpCite.openPaper`): a target or nothing. */
export function parseTargetArgument(arg: unknown): Target | undefined {
  const result = TargetSchema.safeParse(arg);
  return result.success ? result.data : undefined;
}

export type PanelStatus = 'loading' | 'ready' | 'unavailable';

/** Extension → webview. */
export type ExtensionMessage =
  /** Everything the panel shows but the counts; sent at start, on language change and on server restart. */
  | { type: 'state'; language: string; status: PanelStatus; strings: PanelStrings; outline: Outline | null }
  /** The active draft's counts, after edits and editor switches. */
  | { type: 'counts'; counts: CountsView }
  /** The citation text for the selected passage, for the actions' tooltips. */
  | { type: 'selection'; target: Target; citation: string }
  /** Follow the cursor: select and show this passage. */
  | { type: 'reveal'; target: Target };
