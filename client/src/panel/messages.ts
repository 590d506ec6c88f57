/**
 * Messages between the extension and the panel's webview. What the extension sends is
 * typed; what the webview sends is checked against a zod schema, because a webview is a
 * web page showing text the extension did not write, and its messages are input like any
 * other. Malformed or unknown messages are logged and ignored.
 */
// zod/mini: the same checks as zod for a tenth of the bundle (the server uses it too).
import * as z from 'zod/mini';
import type { Outline } from '../../../server/src/protocol';
import type { CountsView, PanelStrings } from './viewModel';

/** A paragraph, one of its sub-paragraphs, or one of its footnotes. */
const count = z.number().check(z.int(), z.positive(), z.maximum(100_000));
const TargetSchema = z.strictObject({
  paragraph: count,
  subParagraph: z.optional(z.string().check(z.regex(/^[a-z]$/))),
  footnote: z.optional(count),
});
export type Target = z.infer<typeof TargetSchema>;

const WebviewMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready') }),
  z.strictObject({ type: z.literal('select'), target: TargetSchema }),
  z.strictObject({ type: z.literal('insert'), target: TargetSchema }),
  z.strictObject({ type: z.literal('copy'), target: TargetSchema }),
  z.strictObject({ type: z.literal('open'), target: TargetSchema }),
  z.strictObject({ type: z.literal('references'), target: TargetSchema }),
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
