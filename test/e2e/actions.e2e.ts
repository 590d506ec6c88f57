/**
 * What a writer does beyond hover and completion, with the real .vsix in a real VS Code 1.99
 * workbench: the commands from the palette (Reveal Citation in Panel, Insert Citation… in
 * each citation style, Open CRP/43), the panel's actions (Copy citation, Open in the paper,
 * Find references), the panel by keyboard alone, and the panel in the high-contrast and dark
 * themes. One workbench for the whole file; the scenarios run in order and share it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { clickText, editorText, gotoLine, runCommand, waitFor, webviewFrame } from './harness';
import {
  openDraftWhenReady,
  PARAGRAPH_16,
  panelText,
  selectedParagraph,
  shownParagraphs,
  text,
  paperLine,
  shot,
  startScenario,
  typeInEditor,
  waitForCursorLine,
  withFailureShot,
  type Scenario,
} from './scenario';

/**
 * Clicks paragraph `n` in the outline until it is the selected one (a reveal the panel was
 * still sending for an earlier cursor position may select another paragraph just after a click).
 */
async function selectInPanel(frame: Frame, n: number): Promise<void> {
  await waitFor(`paragraph ${n} selected in the panel`, async () => {
    if ((await selectedParagraph(frame)) !== n) await frame.locator(`vscode-tree-item[data-paragraph="${n}"]`).first().click();
    return (await selectedParagraph(frame)) === n && (await text(frame, '.detail .title')) === `Paragraph ${n}`;
  }, { interval: 500 });
}

/** Whether the keyboard is in the workbench's active text editor (not in a webview or a widget). */
async function editorHasFocus(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const a = document.activeElement;
    return !!a && a.tagName === 'TEXTAREA' && !!a.closest('.part.editor .monaco-editor');
  });
}

/** What has keyboard focus inside the panel: `search`, `p16` (a paragraph row), or the element's tag. */
async function panelFocus(frame: Frame): Promise<string> {
  return frame.evaluate(() => {
    if (!document.hasFocus()) return 'none';
    const a = document.activeElement as HTMLElement | null;
    if (!a || a === document.body) return 'body';
    if (a.closest('vscode-textfield.search')) return 'search';
    if (a.tagName === 'VSCODE-TREE-ITEM' && a.dataset.paragraph) return `p${a.dataset.paragraph}${a.dataset.sub ?? ''}`;
    if (a.tagName === 'VSCODE-TREE-ITEM') return `h:${(a.querySelector(':scope > .label')?.textContent ?? '').trim()}`;
    return a.tagName.toLowerCase();
  });
}

async function waitForPanelFocus(frame: Frame, expected: string): Promise<void> {
  let last = '';
  await waitFor(`panel focus on ${expected}`, async () => (last = await panelFocus(frame)) === expected, { timeout: 10_000 }).catch((e: Error) => {
    e.message += `; focus is on ${last}`;
    throw e;
  });
}

/** The quick pick's visible rows: label, description and detail. */
async function quickPickRows(page: Page): Promise<Array<{ label: string; detail: string }>> {
  return page.locator('.quick-input-widget .quick-input-list .monaco-list-row').evaluateAll((rows) =>
    rows.map((r) => ({
      label: (r.querySelector('.label-name')?.textContent ?? '').trim(),
      detail: (r.querySelector('.quick-input-list-label-meta')?.textContent ?? '').trim(),
    })),
  );
}

/**
 * Runs Insert Citation… from the palette, types `query` into its quick pick, waits until the
 * focused (first) row is `label`, and accepts it with Enter.
 */
async function insertViaQuickPick(page: Page, query: string, label: string, title: string): Promise<Array<{ label: string; detail: string }>> {
  // F1 directly: runCommand() presses Escape first, which would collapse the editor's selection.
  const input = page.locator('.quick-input-widget .quick-input-box input.input');
  await page.keyboard.press('F1');
  await input.waitFor({ state: 'visible' });
  await input.fill('>CRP/43: Insert Citation…');
  await page.locator('.quick-input-list .monaco-list-row.focused .label-name', { hasText: 'CRP/43: Insert Citation…' }).waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(query);
  let rows: Array<{ label: string; detail: string }> = [];
  await waitFor(`the quick pick to offer ${label} first for "${query}"`, async () => {
    rows = await quickPickRows(page);
    const focused = (await page.locator('.quick-input-widget .quick-input-list .monaco-list-row.focused .label-name').first().textContent().catch(() => ''))?.trim();
    return rows[0]?.label === label && focused === label;
  }).catch((e: Error) => {
    e.message += `; rows: ${JSON.stringify(rows.slice(0, 5))}`;
    throw e;
  });
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
  return rows;
}

/**
 * The draft's line 15, the empty one before "Thank you." (found by its neighbour: the editor
 * wraps long lines when the paper is open beside it, so view lines are not model lines).
 */
async function line15(page: Page): Promise<string | undefined> {
  const lines = (await editorText(page)).split('\n');
  const i = lines.indexOf('Thank you.');
  return i > 0 ? lines[i - 1] : undefined;
}

/** The line "Cited for the first time:" and what follows it on that line. */
async function citedLine(page: Page): Promise<string> {
  return (await editorText(page)).split('\n').find((l) => l.startsWith('Cited for the first time:')) ?? '';
}

describe('commands, panel actions, keyboard and themes', { timeout: 280_000 }, () => {
  let s: Scenario | undefined;
  let panel: Frame;
  const settings: Record<string, unknown> = {};
  const setWorkspace = (more: Record<string, unknown>) => {
    Object.assign(settings, more);
    s!.wb.writeWorkspaceSettings(settings);
  };

  before(async () => {
    s = await startScenario('actions');
    const { wb } = s;
    // Copy citation writes the system clipboard through the browser: let the page read it back.
    await wb.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(wb.url).origin });
    await openDraftWhenReady(wb);
  }, { timeout: 120_000 });

  after(async () => {
    await s?.stop();
  });

  it('Reveal Citation in Panel opens the panel on the paragraph cited under the cursor', { timeout: 60_000 }, withFailureShot(() => s?.wb.page, 'reveal', async () => {
    const { page } = s!.wb;
    await page.mouse.move(5, 5);
    // The panel has never been shown: the command opens it, then selects the paragraph.
    await clickText(page, 'CRP/43 §25');
    await runCommand(page, 'CRP/43: Reveal Citation in Panel');
    panel = await webviewFrame(page, 'vscode-tree-item[data-paragraph]');
    await waitFor('paragraph 25 selected', async () => (await selectedParagraph(panel)) === 25);
    await panelText(panel, '.detail .title', 'Paragraph 25');
    // The writer stays in the draft.
    assert.ok(await editorHasFocus(page), 'the editor lost the keyboard');
    // On the `§§` of `§§6–8`: the range's first paragraph.
    await clickText(page, '§§6–8', 10_000);
    await runCommand(page, 'CRP/43: Reveal Citation in Panel');
    await waitFor('paragraph 6 selected', async () => (await selectedParagraph(panel)) === 6);
    await shot(page, 'actions-reveal');
    // Not on a citation: told so.
    await clickText(page, 'Mr Chair');
    await runCommand(page, 'CRP/43: Reveal Citation in Panel');
    await page.locator('.notifications-toasts .notification-toast', { hasText: 'The cursor is not on a citation.' }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.press('Escape');
  }));

  it('the panel works by keyboard alone', { timeout: 60_000 }, withFailureShot(() => s?.wb.page, 'keyboard', async () => {
    const { page } = s!.wb;
    // Show Panel puts the keyboard in the search box.
    await runCommand(page, 'CRP/43: Show Panel');
    await waitForPanelFocus(panel, 'search');
    await page.keyboard.type('2');
    await waitFor('paragraphs 2 and 20–27', async () => JSON.stringify(await shownParagraphs(panel)) === '[2,20,21,22,23,24,25,26,27]');
    await panelText(panel, '.status', 'Matching paragraphs: 9');
    // ↓ from the search box into the results, then through them (headings included).
    const path = ['p2', 'h:Building on the High-level Dialogue consensus', 'h:Evidence base', 'p20', 'p21'];
    for (const stop of path) {
      await page.keyboard.press('ArrowDown');
      await waitForPanelFocus(panel, stop);
    }
    await page.keyboard.press('ArrowUp');
    await waitForPanelFocus(panel, 'p20');
    // Enter selects: the detail shows the paragraph, the keyboard stays on it.
    await page.keyboard.press('Enter');
    await waitFor('paragraph 20 selected', async () => (await selectedParagraph(panel)) === 20);
    await panelText(panel, '.detail .title', 'Paragraph 20');
    await waitForPanelFocus(panel, 'p20');
    await shot(page, 'actions-keyboard');
    // Escape in the results clears the search; the keyboard stays on the chosen paragraph.
    await page.keyboard.press('Escape');
    await waitFor('the whole outline back', async () => (await shownParagraphs(panel)).length === 27);
    await waitForPanelFocus(panel, 'p20');
    assert.equal(await selectedParagraph(panel), 20);
    assert.equal(await panel.locator('vscode-textfield.search').evaluate((e) => (e as HTMLElement & { value: string }).value), '');
    // Shift+Tab back to the search box; Escape there clears it too, focus stays.
    // (the tree itself is a tab stop between its items and the search box, and so is the
    // Never cited toggle beside the search box)
    await page.keyboard.press('Shift+Tab');
    await waitForPanelFocus(panel, 'vscode-tree');
    await page.keyboard.press('Shift+Tab');
    await waitForPanelFocus(panel, 'vscode-button');
    await page.keyboard.press('Shift+Tab');
    await waitForPanelFocus(panel, 'search');
    await page.keyboard.type('recruit');
    await waitFor('only paragraph 16 shown', async () => JSON.stringify(await shownParagraphs(panel)) === '[16]');
    await page.keyboard.press('Escape');
    await waitFor('the whole outline back', async () => (await shownParagraphs(panel)).length === 27);
    await waitForPanelFocus(panel, 'search');
    assert.equal(await selectedParagraph(panel), 20);
  }));

  it('Copy citation puts the citation on the clipboard; pasting it writes it into the draft', { timeout: 60_000 }, withFailureShot(() => s?.wb.page, 'copy', async () => {
    const { page } = s!.wb;
    await page.evaluate(() => navigator.clipboard.writeText('(nothing copied yet)'));
    await selectInPanel(panel, 16);
    const copy = panel.locator('vscode-button[data-action="copy"]');
    await waitFor('the Copy tooltip', async () => (await copy.getAttribute('title')) === 'Copy “CRP/43 §16” to the clipboard');
    await copy.click();
    let clip = '';
    await waitFor('the citation on the clipboard', async () => (clip = await page.evaluate(() => navigator.clipboard.readText())) === 'CRP/43 §16').catch((e: Error) => {
      e.message += `; the clipboard holds ${JSON.stringify(clip)}`;
      throw e;
    });
    await page.locator('.part.statusbar', { hasText: 'Copied “CRP/43 §16”.' }).waitFor({ state: 'visible', timeout: 10_000 });
    await shot(page, 'actions-copy');
    // The writer pastes it (Ctrl+V reads the same clipboard).
    await page.mouse.move(5, 5);
    await clickText(page, 'Cited for the first time:');
    await page.keyboard.press('End');
    await page.keyboard.type(' ');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+KeyV');
    await waitFor('the pasted citation', async () => (await citedLine(page)) === 'Cited for the first time: CRP/43 §16');
    await waitFor('§16 counted twice', async () => /^2/.test(await text(panel, 'vscode-tree-item[data-paragraph="16"] > .counts')));
  }));

  it('Open in the paper opens crp-43.md at the paragraph; Insert still writes into the draft', { timeout: 60_000 }, withFailureShot(() => s?.wb.page, 'open', async () => {
    const { page } = s!.wb;
    await clickText(page, 'Thank you.');
    await gotoLine(page, 15); // the empty line
    await selectInPanel(panel, 21);
    await panel.locator('vscode-button[data-action="open"]').click();
    await page.locator('.tabs-container .tab.active[data-resource-name="crp-43.md"]').waitFor({ state: 'visible', timeout: 20_000 });
    await waitForCursorLine(page, paperLine(21) + 1);
    await waitFor('paragraph 21 in sight', async () => (await editorText(page)).includes('**21.** Lastly, the Administration will continue'));
    await shot(page, 'actions-open-paper');
    // Reading the paper beside the draft: the panel still counts the draft, and Insert goes into it.
    await panelText(panel, '.caption', 'Citation counts for statement.md');
    await panel.locator('vscode-button[data-action="insert"]').click();
    await page.locator('.tabs-container .tab.active[data-resource-name="statement.md"]').waitFor({ state: 'visible' });
    await waitFor('CRP/43 §21 on line 15 of the draft', async () => (await line15(page)) === 'CRP/43 §21');
    assert.equal(await page.locator('.tabs-container .tab.dirty[data-resource-name="crp-43.md"]').count(), 0, 'the paper was edited');
    await page.locator('.tabs-container .tab[data-resource-name="crp-43.md"]').click();
    await page.keyboard.press('Control+KeyW');
    await page.locator('.tabs-container .tab[data-resource-name="crp-43.md"]').waitFor({ state: 'detached' });
  }));

  it('Find references lists the draft’s citations of the paragraph, one inside a range too', { timeout: 60_000 }, withFailureShot(() => s?.wb.page, 'references', async () => {
    const { page } = s!.wb;
    // A second citation, of 6 only: paragraph 7 is cited by `§§6–8` alone.
    await clickText(page, 'neutrality (CRP/43 §25).');
    await page.keyboard.press('End');
    await typeInEditor(page, ' Compare CRP/43 §6');
    await page.keyboard.press('Escape');
    await page.keyboard.type('.');
    await waitFor('§6 counted twice', async () => /^2/.test(await text(panel, 'vscode-tree-item[data-paragraph="6"] > .counts')));
    await clickText(page, 'Mr Chair');
    await selectInPanel(panel, 7);
    await panel.locator('vscode-button[data-action="references"]').click();
    // A peek at the draft's first citation of 7 (`§§6–8`), listing 7's citations.
    const peek = page.locator('.monaco-editor .peekview-widget');
    await peek.first().waitFor({ state: 'visible', timeout: 20_000 });
    const rows = peek.locator('.ref-tree .monaco-list-row');
    let found: string[] = [];
    await waitFor('the references of paragraph 7', async () => {
      found = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
      return found.some((r) => r.includes('CRP/43 §§6–8.')) && found.some((r) => r.startsWith('crp-43.md')) ? found : undefined;
    }).catch((e: Error) => {
      e.message += `; rows: ${JSON.stringify(found)}`;
      throw e;
    });
    await shot(page, 'actions-references');
    // The draft's one citation of 7 (the range), then the paper's own paragraph; not `§6.`.
    assert.equal(found.length, 3, JSON.stringify(found));
    assert.deepEqual(found.slice(0, 2), ['statement.md 1', 'CRP/43 §§6–8.']);
    assert.match(found[2]!, /^crp-43\.md.* 1$/);
    const head = (await peek.locator('.head').first().innerText()).replace(/\s+/g, ' ');
    // (VS Code titles a peek given its locations "Locations")
    assert.match(head, /^statement\.md .* Locations \(2\)$/, head);
    // The panel still shows 7: it does not follow the cursor onto the peek's anchor `§§6–8`
    // (which would select 6).
    assert.equal(await selectedParagraph(panel), 7);
    await page.keyboard.press('Escape');
    await peek.first().waitFor({ state: 'hidden' });
  }));

  it('Insert Citation… picks by words or number and writes the citation style chosen', { timeout: 90_000 }, withFailureShot(() => s?.wb.page, 'quick-pick', async () => {
    const { page } = s!.wb;
    const selectLine15 = async () => {
      await page.mouse.move(5, 5);
      await clickText(page, 'Thank you.');
      await gotoLine(page, 15);
      await page.keyboard.press('Home');
      await page.keyboard.press('Shift+End');
    };
    // Words of the text (the detail): `recruit` → 16, in the default style.
    await selectLine15();
    const byWords = await insertViaQuickPick(page, 'recruit', '16', 'Insert a citation of CRP/43');
    assert.ok(byWords[0]!.detail.startsWith(PARAGRAPH_16), JSON.stringify(byWords[0]));
    await waitFor('CRP/43 §16 on line 15', async () => (await line15(page)) === 'CRP/43 §16');

    // A number, in the `para` style (workspace setting, live): replaces the selection.
    setWorkspace({ 'crpCite.citationStyle': 'para' });
    await selectInPanel(panel, 21);
    await waitFor('the panel in the para style', async () => (await panel.locator('vscode-button[data-action="copy"]').getAttribute('title')) === 'Copy “CRP/43, para. 21” to the clipboard');
    await selectLine15();
    await insertViaQuickPick(page, '21', '21', 'Insert a citation of CRP/43');
    await waitFor('CRP/43, para. 21 on line 15', async () => (await line15(page)) === 'CRP/43, para. 21');

    // `local` in French: the French word. (The panel follows the cursor onto the citations
    // inserted: the tooltips name whichever paragraph is selected.)
    setWorkspace({ 'crpCite.citationStyle': 'local', 'crpCite.language': 'fr' });
    await waitFor('the panel in French, local style', async () => /^Copier «\sCRP\/43, par\. \d+\s» dans le presse-papiers$/.test((await panel.locator('vscode-button[data-action="copy"]').getAttribute('title')) ?? ''));
    await selectLine15();
    await insertViaQuickPick(page, '16', '16', 'Insérer une citation de CRP/43');
    await waitFor('CRP/43, par. 16 on line 15', async () => (await line15(page)) === 'CRP/43, par. 16');

    // And in Spanish, a sub-paragraph.
    setWorkspace({ 'crpCite.language': 'es' });
    await waitFor('the panel in Spanish, local style', async () => /^Copiar «CRP\/43, párr\. \d+» al portapapeles$/.test((await panel.locator('vscode-button[data-action="copy"]').getAttribute('title')) ?? ''));
    await selectLine15();
    await insertViaQuickPick(page, '6(a)', '6(a)', 'Insertar una cita de CRP/43');
    await waitFor('CRP/43, párr. 6(a) on line 15', async () => (await line15(page)) === 'CRP/43, párr. 6(a)');
    await shot(page, 'actions-quick-pick-es');
    setWorkspace({ 'crpCite.citationStyle': 'section', 'crpCite.language': 'en' });
    await waitFor('the panel back in English', async () => /^Copy “CRP\/43 §[\d()a-z]+” to the clipboard$/.test((await panel.locator('vscode-button[data-action="copy"]').getAttribute('title')) ?? ''));
  }));

  it('Open CRP/43 opens the paper beside the draft', { timeout: 60_000 }, withFailureShot(() => s?.wb.page, 'open-command', async () => {
    const { page } = s!.wb;
    await runCommand(page, 'CRP/43: Open CRP/43');
    await page.locator('.tabs-container .tab.active[data-resource-name="crp-43.md"]').waitFor({ state: 'visible', timeout: 20_000 });
    await waitForCursorLine(page, 1);
    assert.equal(await page.locator('.part.editor .editor-group-container').count(), 2, 'the paper opens beside the draft');
    await page.locator('.tabs-container .tab[data-resource-name="statement.md"]').waitFor({ state: 'visible' });
    await shot(page, 'actions-open-command');
    await page.keyboard.press('Control+KeyW');
    await page.locator('.tabs-container .tab.active[data-resource-name="statement.md"]').waitFor({ state: 'visible' });
  }));

  for (const [theme, bodyClass, name] of [
    ['Default High Contrast', 'vscode-high-contrast', 'hc'],
    ['Default Dark Modern', 'vscode-dark', 'dark'],
  ] as const) {
    it(`the panel in ${theme}`, { timeout: 60_000 }, withFailureShot(() => s?.wb.page, `theme-${name}`, async () => {
      const { page } = s!.wb;
      setWorkspace({ 'workbench.colorTheme': theme });
      await waitFor(`the panel in ${theme}`, () => panel.evaluate((c) => document.body.classList.contains(c), bodyClass), { timeout: 20_000 });
      await panel.locator('vscode-textfield.search input').fill('recruit');
      await selectInPanel(panel, 16);
      await page.mouse.move(700, 700);
      await shot(page, `actions-theme-${name}`);
      await page.locator('.part.sidebar').screenshot({ path: `test-results/e2e/actions-theme-${name}-panel.png` });
    }));
  }
});
