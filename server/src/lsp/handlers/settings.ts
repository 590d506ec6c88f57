/**
 * Settings that change while the server runs: the writer's language and whether
 * diagnostics are shown. The VS Code client sends `crpCite/didChangeSettings` (with `auto`
 * already resolved); other editors may send the standard `workspace/didChangeConfiguration`
 * with `{ crpCite: { language, diagnostics: { enable } } }`.
 */
import { DidChangeSettingsNotification, SERVER_LANGUAGES } from '../../protocol';
import type { ServerContext } from '../context';

/** Applies whichever of the two settings `value` carries validly; ignores the rest. */
export function applySettings(ctx: ServerContext, value: { language?: unknown; diagnostics?: unknown; citationStyle?: unknown }): void {
  if (typeof value.language === 'string' && (SERVER_LANGUAGES as readonly string[]).includes(value.language)) {
    ctx.setLanguage(value.language);
  }
  if (typeof value.diagnostics === 'boolean') ctx.setDiagnosticsEnabled(value.diagnostics);
  ctx.setCitationStyle(value.citationStyle);
}

export function registerSettings(ctx: ServerContext): void {
  ctx.connection.onNotification(DidChangeSettingsNotification, (settings) => {
    if (settings && typeof settings === 'object') applySettings(ctx, settings);
  });

  ctx.connection.onDidChangeConfiguration(({ settings }) => {
    const section: unknown = (settings as { crpCite?: unknown } | null)?.crpCite;
    if (!section || typeof section !== 'object') return;
    const { language, diagnostics, citationStyle } = section as { language?: unknown; diagnostics?: { enable?: unknown }; citationStyle?: unknown };
    applySettings(ctx, { language, diagnostics: diagnostics?.enable, citationStyle });
  });
}
