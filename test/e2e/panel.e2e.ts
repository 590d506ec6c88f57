/**
 * The CRP/43 side panel with the real .vsix in a real VS Code 1.99 workbench, then the
 * live language switch (crpCite.language = fr, then es, no reload) and a crash of the
 * language server. One workbench for the whole file; the scenarios run in order.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { clickText, editorText, hoverText, problems, waitFor } from './harness';
import {
  openDraftWhenReady,
  PARAGRAPH_16,
  panelText,
  selectedParagraph,
  shownParagraphs,
  text,
  languageServerPids,
  shot,
  showPanel,
  startScenario,
  typeInEditor,
  waitForSettledHover,
  withFailureShot,
  type Scenario,
} from './scenario';

const PARAGRAPH_17 = 'Recent events in the Mediterranean and beyond';

async function search(frame: Frame, query: string): Promise<void> {
  await frame.locator('vscode-textfield.search input').fill(query);
}

/** The panel's visible labels: search placeholder, caption, detail title, action buttons. */
async function labels(frame: Frame): Promise<{ placeholder: string; caption: string; title: string; buttons: string[] }> {
  return {
    placeholder: (await frame.locator('vscode-textfield.search input').getAttribute('placeholder')) ?? '',
    caption: await text(frame, '.caption'),
    title: await text(frame, '.detail .title'),
    buttons: (await frame.locator('.detail vscode-button[data-action]').allInnerTexts()).map((b) => b.trim()),
  };
}

/** A screenshot with the panel open and a hover over `citation` in the draft. */
async function shotWithHover(page: Page, citation: string, contains: string, name: string): Promise<string> {
  const hover = await hoverText(page, citation, { contains });
  await waitForSettledHover(page);
  await shot(page, name);
  return hover;
}

describe('side panel, languages and server restart', { timeout: 240_000 }, () => {
  let s: Scenario | undefined;
  let panel: Frame;

  before(async () => {
    s = await startScenario('panel');
    await openDraftWhenReady(s.wb);
  }, { timeout: 120_000 });

  after(async () => {
    await s?.stop();
  });

  it('renders the outline with the draft’s citation counts', { timeout: 60_000 }, withFailureShot(() => s?.wb.page, 'outline', async () => {
    const { page } = s!.wb;
    panel = await showPanel(page);
    await waitFor('27 paragraphs in the outline', async () => (await shownParagraphs(panel)).length === 27);
    assert.deepEqual(await shownParagraphs(panel), Array.from({ length: 27 }, (_, i) => i + 1));
    const sections = (await panel.locator('vscode-tree-item.section-1 > .label').allTextContents()).map((t) => t.trim());
    assert.deepEqual(sections, ['Introduction', 'Overview', 'Building on the High-level Dialogue consensus', 'Outcomes influencing IOM as an institution', 'Conclusion']);
    await panelText(panel, '.caption', 'Citation counts for statement.md');
    // §16 and §§6–8 are cited once each in the draft: marked and counted.
    await waitFor('paragraph 16 marked as cited', () => panel.locator('vscode-tree-item.cited[data-paragraph="16"]').count());
    const cited = await panel.locator('vscode-tree-item.cited').evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.paragraph)));
    assert.deepEqual(cited, [6, 7, 8, 16, 25]);
    assert.match(await text(panel, 'vscode-tree-item[data-paragraph="16"] > .counts'), /^1/);
    await panelText(panel, '.detail .hint', 'Select a paragraph to read its whole text.');
    await shot(page, 'panel-outline');
  }));

  it('searching filters the outline by words and by number, highlighting matches', { timeout: 60_000 }, withFailureShot(() => s?.wb.page, 'search', async () => {
    const { page } = s!.wb;
    await search(panel, 'recruit');
    await page.mouse.move(700, 700); // no editor hover in the screenshots
    await waitFor('only paragraph 16 shown', async () => JSON.stringify(await shownParagraphs(panel)) === '[16]');
    await panelText(panel, '.status', 'Matching paragraphs: 1');
    // The selected paragraph's text shows where the words matched.
    await panel.locator('vscode-tree-item[data-paragraph="16"]').click();
    await panelText(panel, '.detail .title', 'Paragraph 16');
    assert.deepEqual(await panel.locator('.detail .text mark').allInnerTexts(), ['recruit', 'Recruit', 'recruit']);
    await shot(page, 'panel-search-recruit');
    await search(panel, '2');
    await waitFor('paragraphs 2 and 20–27', async () => JSON.stringify(await shownParagraphs(panel)) === '[2,20,21,22,23,24,25,26,27]');
    await search(panel, 'no such words anywhere');
    await panelText(panel, '.status', 'No paragraph matches “no such words anywhere”.');
    await search(panel, '');
    await waitFor('the whole outline back', async () => (await shownParagraphs(panel)).length === 27);
  }));

  it('Insert puts the selected paragraph’s citation at the cursor', { timeout: 60_000 }, withFailureShot(() => s?.wb.page, 'insert', async () => {
    const { page } = s!.wb;
    await page.mouse.move(5, 5);
    await clickText(page, 'Cited for the first time:');
    await page.keyboard.press('End');
    await page.keyboard.type(' ');
    await panel.locator('vscode-tree-item[data-paragraph="16"]').click();
    await panelText(panel, '.detail .title', 'Paragraph 16');
    assert.match(await text(panel, '.detail .text'), new RegExp(`^16\\. ${PARAGRAPH_16}`));
    await panelText(panel, '.detail .heading', /^Under “Human rights, prevention of exploitation/);
    // The tooltip names the citation once the server formatted it.
    await waitFor('the Insert tooltip', async () => (await panel.locator('vscode-button[data-action="insert"]').getAttribute('title')) === 'Insert “CRP/43 §16” at the cursor');
    await panel.locator('vscode-button[data-action="insert"]').click();
    await waitFor('the inserted citation', async () => (await editorText(page)).includes('Cited for the first time: CRP/43 §16\n'));
    // The draft's count of §16 follows the edit.
    await waitFor('§16 counted twice', async () => /^2/.test(await text(panel, 'vscode-tree-item[data-paragraph="16"] > .counts')));
  }));

  it('moving the cursor onto a citation selects its paragraph in the panel', { timeout: 60_000 }, withFailureShot(() => s?.wb.page, 'follow', async () => {
    const { page } = s!.wb;
    await clickText(page, 'CRP/43 §25');
    await waitFor('paragraph 25 selected', async () => (await selectedParagraph(panel)) === 25);
    await panelText(panel, '.detail .title', 'Paragraph 25');
    await clickText(page, '§§6–8', 10_000);
    await waitFor('paragraph 6 selected', async () => (await selectedParagraph(panel)) === 6);
    await clickText(page, 'recruitment (CRP/43 §16)');
    await waitFor('paragraph 16 selected', async () => (await selectedParagraph(panel)) === 16);
    await panelText(panel, '.detail .title', 'Paragraph 16');
    await shotWithHover(page, 'CRP/43 §16', PARAGRAPH_16, 'panel-en');
  }));

  it('switches the panel, hovers and problems to French, then Spanish, without a reload', { timeout: 90_000 }, withFailureShot(() => s?.wb.page, 'languages', async () => {
    const { wb } = s!;
    const { page } = wb;

    wb.writeWorkspaceSettings({ 'crpCite.language': 'fr' });
    await panelText(panel, '.detail .title', 'Paragraphe 16');
    assert.deepEqual(await labels(panel), {
      placeholder: 'Rechercher par numéro ou par mots',
      caption: 'Nombre de citations dans statement.md',
      title: 'Paragraphe 16',
      buttons: ['Insérer la citation', 'Copier la citation', 'Ouvrir dans le document', 'Rechercher les références'],
    });
    await panelText(panel, '.detail .heading', /^Sous «\sHuman rights, prevention of exploitation/);
    // Diagnostics too, also those of the draft that is not open (review.md).
    await waitFor('problems in French', async () =>
      (await problems(page, { minCount: 2 })).some((r) => /Le document CRP\/43 n’a pas de paragraphe 99\s: ses paragraphes vont de 1 à 27\./.test(r)),
    );
    const fr = await shotWithHover(page, 'CRP/43 §16', 'Paragraphe 16', 'panel-fr');
    assert.match(fr, /Sous l’intitulé «\sHuman rights/);

    wb.writeWorkspaceSettings({ 'crpCite.language': 'es' });
    await panelText(panel, '.detail .title', 'Párrafo 16');
    assert.deepEqual(await labels(panel), {
      placeholder: 'Buscar por número o por palabras',
      caption: 'Número de citas en statement.md',
      title: 'Párrafo 16',
      buttons: ['Insertar cita', 'Copiar cita', 'Abrir en el documento', 'Buscar referencias'],
    });
    await waitFor('problems in Spanish', async () =>
      (await problems(page, { minCount: 2 })).some((r) => r.includes('El documento CRP/43 no tiene párrafo 99: sus párrafos van del 1 al 27.')),
    );
    const es = await shotWithHover(page, 'CRP/43 §16', 'Párrafo 16', 'panel-es');
    assert.match(es, /En el epígrafe «Human rights/);
    await page.keyboard.press('Control+KeyJ'); // hide the panel area again
    await page.locator('.markers-panel').waitFor({ state: 'hidden' });
  }));

  it('restarts a killed language server; hovers work again on the re-synchronised drafts', { timeout: 90_000 }, withFailureShot(() => s?.wb.page, 'restart', async () => {
    const { wb } = s!;
    const { page } = wb;
    const before = languageServerPids(wb);
    assert.equal(before.length, 1, `language server processes: ${JSON.stringify(before)}`);
    // An unsaved citation: only the client's copy of the draft knows it.
    await page.mouse.move(5, 5);
    await clickText(page, 'Cited for the first time:');
    await page.keyboard.press('End');
    await typeInEditor(page, ' and CRP/43 §17');
    await page.keyboard.press('Escape');
    await hoverText(page, 'and CRP/43 §17', { contains: PARAGRAPH_17, charOffset: 13 });

    process.kill(before[0]!, 'SIGKILL');
    const after = await waitFor(
      'a new language server process',
      () => {
        const now = languageServerPids(wb);
        return now.length === 1 && now[0] !== before[0] ? now : undefined;
      },
      { timeout: 30_000, interval: 200 },
    );
    assert.notEqual(after[0], before[0]);
    // The writer is told once, in the current language (Spanish here).
    await page
      .locator('.notifications-toasts .notification-toast', { hasText: 'El servidor de citas CRP/43 se detuvo inesperadamente y se ha reiniciado.' })
      .first()
      .waitFor({ state: 'visible', timeout: 20_000 });
    await hoverText(page, 'and CRP/43 §17', { contains: PARAGRAPH_17, charOffset: 13, timeout: 30_000 });
    await hoverText(page, 'CRP/43 §25', { contains: 'Párrafo 25' });
    // The panel fills in again from the new server.
    await waitFor('the outline back in the panel', async () => (await shownParagraphs(panel)).length === 27, { timeout: 30_000 });
    await shot(page, 'restart-hover');
  }));
});
