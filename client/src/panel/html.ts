/**
 * The panel's HTML page: a shell with a strict Content-Security-Policy. Everything the
 * writer reads is put in later by the script, as text; nothing here comes from the data.
 */
export interface PanelPage {
  /** `webview.cspSource`: the origin the webview serves the extension's files from. */
  cspSource: string;
  /** Random, per page load: only scripts carrying it may run. */
  nonce: string;
  scriptUri: string;
  styleUri: string;
  codiconsUri: string;
  /** `en`, `fr` or `es`, for the page's `lang`. */
  language: string;
  title: string;
}

/** Escapes text for an HTML attribute or text node. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * No inline script, no eval, no remote origin. Styles and fonts only from the extension.
 * The web components' styles are constructable stylesheets, which style-src does not
 * govern, so no 'unsafe-inline' is needed.
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function panelHtml(page: PanelPage): string {
  const attr = escapeHtml;
  return `<!DOCTYPE html>
<html lang="${attr(page.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(page.cspSource, page.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(page.codiconsUri)}" id="vscode-codicon-stylesheet">
<link rel="stylesheet" href="${attr(page.styleUri)}">
<title>${attr(page.title)}</title>
</head>
<body>
<main id="app" aria-busy="true"></main>
<script nonce="${attr(page.nonce)}" src="${attr(page.scriptUri)}"></script>
</body>
</html>`;
}

/** A nonce from a cryptographic source; 128 bits in base64. */
export function makeNonce(random: (bytes: number) => Uint8Array): string {
  return Buffer.from(random(16)).toString('base64');
}
