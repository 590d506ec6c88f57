/** Quick fixes for findings, and the source action that writes every citation in one style. */
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import { NORMALIZE_KIND, normalizeStyle, quickFixes, type CodeActionResult } from '../../core/features/codeActions';
import type { ServerContext } from '../context';
import type { OpenDocument } from '../documents';

export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, NORMALIZE_KIND];

function toCodeAction(doc: OpenDocument, action: CodeActionResult, diagnostics: Diagnostic[]): CodeAction {
  const edits = action.edits.map((e) => ({ range: doc.rangeOf(e.start, e.end), newText: e.newText }));
  const finding = action.finding;
  const fixes = finding
    ? diagnostics.filter((d) => {
        if (d.code !== finding.code) return false;
        const start = doc.offsetAt(d.range.start);
        const end = doc.offsetAt(d.range.end);
        return start === finding.start && end === finding.end;
      })
    : [];
  return {
    title: action.title,
    kind: action.kind === 'quickfix' ? CodeActionKind.QuickFix : NORMALIZE_KIND,
    ...(fixes.length > 0 ? { diagnostics: fixes } : {}),
    ...(action.preferred ? { isPreferred: true } : {}),
    edit: { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] },
  };
}

export function registerCodeActions(ctx: ServerContext): void {
  ctx.connection.onCodeAction(({ textDocument, range, context }) => {
    const doc = ctx.documents.get(textDocument.uri);
    // An oversized document has no findings to fix, and rewriting all its citations would take seconds.
    if (!doc || doc.oversized) return null;
    const wants = (kind: string) => !context.only || context.only.some((k) => kind === k || kind.startsWith(`${k}.`));
    const actions: CodeAction[] = [];
    if (wants(CodeActionKind.QuickFix)) {
      for (const a of quickFixes(doc.draft, ctx.corpus, doc.offsetAt(range.start), doc.offsetAt(range.end), ctx.t)) {
        actions.push(toCodeAction(doc, a, context.diagnostics));
      }
    }
    if (wants(NORMALIZE_KIND)) {
      const normalize = normalizeStyle(doc.draft, ctx.corpus, ctx.citationStyle, ctx.language, ctx.t);
      if (normalize) actions.push(toCodeAction(doc, normalize, []));
    }
    return actions;
  });
}
