/**
 * VS Code's own display language, French then Spanish: a minimal language pack built by
 * the test makes code-server run with `--locale fr|es`, so `vscode.env.language` is that
 * language. Then the manifest's strings come from package.nls.<lang>.json (view name,
 * command titles, setting descriptions) and `crpCite.language: auto` follows VS Code.
 * One workbench per language.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { hoverText, openFile, repoRoot, runCommand, waitFor, webviewFrame } from './harness';
import {
  EXTENSION_ID,
  buildLanguagePack,
  registerLanguagePacks,
  shot,
  startScenario,
  waitForSettledHover,
  withFailureShot,
  type Scenario,
} from './scenario';

const english = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'package.nls.json'), 'utf8')) as Record<string, string>;
const locales = {
  fr: { paragraph16: 'Paragraphe 16', insert: 'Insérer la citation', placeholder: 'Rechercher par numéro ou par mots' },
  es: { paragraph16: 'Párrafo 16', insert: 'Insertar cita', placeholder: 'Buscar por número o por palabras' },
} as const;

for (const lang of ['fr', 'es'] as const) {
  const nls = JSON.parse(fs.readFileSync(path.join(repoRoot(), `package.nls.${lang}.json`), 'utf8')) as Record<string, string>;

  describe(`VS Code in ${lang} (language pack, --locale ${lang})`, { timeout: 150_000 }, () => {
    let s: Scenario | undefined;
    let tmp = '';

    before(async () => {
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), `crp-cite-lp-${lang}-`));
      const pack = buildLanguagePack(lang, tmp);
      s = await startScenario(`display-${lang}`, {
        extraExtensions: [pack],
        locale: lang,
        beforeStart: ({ userDataDir, extensionsDir }) => registerLanguagePacks(userDataDir, extensionsDir),
      });
      await openFile(s.wb.page, 'statement.md');
      await s.wb.waitForActivation(EXTENSION_ID);
    }, { timeout: 120_000 });

    after(async () => {
      await s?.stop();
      if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    });

    it('the manifest’s strings come from package.nls.' + lang + '.json', { timeout: 60_000 }, withFailureShot(() => s?.wb.page, `display-${lang}-manifest`, async () => {
      const { page } = s!.wb;
      assert.notEqual(nls['command.showPanel'], english['command.showPanel']);
      // Found in the palette only under its translated title.
      await runCommand(page, `CRP/43: ${nls['command.showPanel']}`);
      const title = page.locator('.part.sidebar .composite.title h2').first();
      await waitFor('the localized view title', async () => (await title.textContent())?.trim() === `CRP/43: ${nls['view.panel']}`);
      const panel = await webviewFrame(page, 'vscode-tree-item[data-paragraph]');
      // `crpCite.language: auto` follows VS Code's display language.
      await waitFor('the panel in the display language', async () =>
        (await panel.locator('vscode-textfield.search input').getAttribute('placeholder')) === locales[lang].placeholder,
      );
      await panel.locator('vscode-tree-item[data-paragraph="16"]').click();
      await panel.locator('vscode-button[data-action="insert"]', { hasText: locales[lang].insert }).waitFor();
      const hover = await hoverText(page, 'CRP/43 §16', { contains: locales[lang].paragraph16, timeout: 60_000 });
      assert.match(hover, /ethical recruitment/);
      await waitForSettledHover(page);
      await shot(page, `display-${lang}-panel`);
      for (const key of ['command.insertCitation', 'command.openPaper', 'command.revealInPanel']) {
        await page.keyboard.press('Escape');
        await page.keyboard.press('F1');
        const input = page.locator('.quick-input-widget .quick-input-box input.input');
        await input.fill(`>CRP/43: ${nls[key]}`);
        await page
          .locator('.quick-input-list .monaco-list-row .label-name', { hasText: `CRP/43: ${nls[key]}` })
          .first()
          .waitFor({ state: 'visible', timeout: 10_000 });
      }
      await page.keyboard.press('Escape');
    }));

    it('the settings editor describes crpCite.* in ' + lang, { timeout: 60_000 }, withFailureShot(() => s?.wb.page, `display-${lang}-settings`, async () => {
      const { page } = s!.wb;
      await page.keyboard.press('Control+Comma');
      const searchBox = page.locator('.settings-editor .suggest-input-container .monaco-editor textarea').first();
      await searchBox.waitFor({ state: 'attached', timeout: 20_000 });
      await page.locator('.settings-editor .suggest-input-container').first().click();
      await page.keyboard.type('crpCite.diagnostics');
      const description = page.locator('.settings-editor .setting-item-contents .setting-item-description', {
        hasText: nls['configuration.diagnostics.enable']!.replace(/[`*]/g, '').slice(0, 40),
      });
      await description.first().waitFor({ state: 'visible', timeout: 20_000 });
      await shot(page, `display-${lang}-settings`);
      await page.keyboard.press('Control+KeyW');
    }));
  });
}
