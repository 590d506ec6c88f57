/**
 * A writer's editor features, in English, with the real .vsix in a real VS Code 1.99
 * workbench: activation, hover, completion, go to definition, Problems and quick fixes.
 * One workbench for the whole file (scenarios run in order and share it).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  activeEditor,
  applyQuickFix,
  clickText,
  editorText,
  hoverText,
  openFile,
  problems,
  waitFor,
} from './harness';
import {
  PARAGRAPH_16,
  openDraftWhenReady,
  extensionErrors,
  paperLine,
  shot,
  startScenario,
  suggestions,
  typeInEditor,
  waitForCursorLine,
  waitForSettledHover,
  withFailureShot,
  type Scenario,
} from './scenario';

const PARAGRAPH_8 = 'The central challenge in developing this joint action';

describe('editor features (English)', { timeout: 240_000 }, () => {
  let s: Scenario | undefined;

  before(async () => {
    s = await startScenario('editor');
  }, { timeout: 120_000 });

  after(async () => {
    await s?.stop();
  });

  it('installs the .vsix, activates on a Markdown draft, logs no errors', { timeout: 90_000 }, withFailureShot(() => s?.wb.page, 'editor-activation', async () => {
    const { wb } = s!;
    await openDraftWhenReady(wb);
    assert.deepEqual(extensionErrors(wb), []);
  }));

  it('hover shows the cited paragraph, and the last paragraph of a range', { timeout: 60_000 }, withFailureShot(() => s?.wb.page, 'editor-hover', async () => {
    const { page } = s!.wb;
    const text = await hoverText(page, 'CRP/43 §16', { contains: PARAGRAPH_16 });
    assert.match(text, /Paragraph 16/);
    assert.match(text, /Under “Human rights, prevention of exploitation/);
    await waitForSettledHover(page);
    await shot(page, 'editor-hover-16');
    // The `8` of `§§6–8` is paragraph 8, not the range's start.
    const eight = await hoverText(page, '§§6–8', { contains: PARAGRAPH_8, charOffset: 4 });
    assert.match(eight, /Paragraph 8/);
    assert.doesNotMatch(eight, /Paragraph 6 /);
  }));

  it('completion lists paragraphs, filters by words and by number, inserts the citation', { timeout: 90_000 }, withFailureShot(() => s?.wb.page, 'editor-completion', async () => {
    const { page } = s!.wb;
    await page.mouse.move(5, 5); // no hover in the way
    await clickText(page, 'Cited for the first time:');
    await page.keyboard.press('End');
    // After the mark: every paragraph, each with its first words.
    await typeInEditor(page, ' CRP/43 §');
    const all = await suggestions(page, (r) => r.length >= 5);
    assert.match(all[0]!, /^1 A key migration governance event/);
    // Words of the text: `recruit` is the middle of paragraph 16's "recruitment".
    await typeInEditor(page, 'recruit');
    const byWords = await suggestions(page, (r) => r.length === 1 && r[0]!.startsWith('16 '));
    assert.match(byWords[0]!, /^16 The Administration plans to launch/);
    await shot(page, 'editor-completion-recruit');
    await page.keyboard.press('Enter');
    await waitFor('the accepted completion in the text', async () =>
      (await editorText(page)).includes('Cited for the first time: CRP/43 §16\n'),
    );

    // A number: `2` → paragraphs 2 and 20–27, with their text.
    await typeInEditor(page, ' and CRP/43 §2');
    // (Once filtered: the list before `2` was typed holds `27 …` too.)
    const rows = await suggestions(page, (r) => r.some((t) => t.startsWith('27 ')) && r.every((t) => t.startsWith('2')));
    assert.deepEqual(
      rows.map((r) => r.split(' ')[0]),
      ['2', '20', '21', '22', '23', '24', '25', '26', '27'],
    );
    assert.match(rows[0]!, /^2 This paper is structured in three parts/);
    await shot(page, 'editor-completion-2');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.locator('.suggest-widget .monaco-list-row.focused[aria-label^="21,"]').waitFor({ state: 'visible', timeout: 5_000 });
    await page.keyboard.press('Enter');
    await waitFor('the second accepted completion', async () =>
      (await editorText(page)).includes('Cited for the first time: CRP/43 §16 and CRP/43 §21\n'),
    );
    // The inserted citations are real ones: they hover.
    await page.keyboard.press('Escape');
    await hoverText(page, 'time: CRP/43 §16', { contains: PARAGRAPH_16, charOffset: 12 });
  }));

  it('go to definition (F12) opens the paper at the paragraph', { timeout: 60_000 }, withFailureShot(() => s?.wb.page, 'editor-definition', async () => {
    const { page } = s!.wb;
    await page.mouse.move(5, 5);
    await clickText(page, 'CRP/43 §25');
    await page.keyboard.press('F12');
    await page.locator('.tabs-container .tab.active[data-resource-name="crp-43.md"]').waitFor({ state: 'visible', timeout: 20_000 });
    await waitForCursorLine(page, paperLine(25) + 1);
    const current = activeEditor(page).locator('.view-overlays .current-line');
    await current.first().waitFor({ state: 'attached' });
    assert.match(await editorText(page), /\*\*25\.\*\* Notwithstanding the outcomes/);
    await shot(page, 'editor-definition-25');
    await page.keyboard.press('Control+KeyW');
    await page.locator('.tabs-container .tab.active[data-resource-name="statement.md"]').waitFor({ state: 'visible' });
  }));

  it('broken citations are in Problems, and their quick fixes repair the text', { timeout: 90_000 }, withFailureShot(() => s?.wb.page, 'editor-problems', async () => {
    const { page } = s!.wb;
    await openFile(page, 'review.md');
    const rows = await problems(page, { minCount: 2 });
    const unknown = rows.find((r) => r.includes('CRP/43 has no paragraph 99: its paragraphs run from 1 to 27.'));
    const reversed = rows.find((r) => r.includes('This range runs backwards: 21 comes after 19.'));
    assert.ok(unknown, `no unknown-paragraph problem in ${JSON.stringify(rows)}`);
    assert.ok(reversed, `no reversed-range problem in ${JSON.stringify(rows)}`);
    assert.match(reversed!, /\[Ln 3, Col \d+\]/);

    // The quick fix menu, for the screenshot (Problems below, fixes over the text).
    await clickText(page, '§§21–19');
    const actions = page.locator('.action-widget .monaco-list-row.action');
    let offered: string[] = [];
    await waitFor(
      'the quick fix menu',
      async () => {
        await page.keyboard.press('Escape');
        await page.keyboard.press('Control+Period');
        await actions.first().waitFor({ state: 'visible', timeout: 5_000 });
        offered = await actions.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
        return offered.some((l) => l.includes('Swap to §§19–21'));
      },
      { interval: 250 },
    ).catch((e: Error) => {
      e.message += `; offered: ${JSON.stringify(offered)}`;
      throw e;
    });
    await shot(page, 'editor-problems-quickfix');
    await page.keyboard.press('Escape');

    await applyQuickFix(page, 'Swap to §§19–21');
    await waitFor('the swapped range', async () => (await editorText(page)).includes('set out in CRP/43 §§19–21.'));
    await clickText(page, '§99');
    // Nearest paragraphs first, each with its first words.
    await applyQuickFix(page, 'Change to §24 (Given the interconnections of migration');
    await waitFor('the repaired paragraph number', async () => (await editorText(page)).includes('report on CRP/43 §24 next year'));
    // Both problems of review.md are gone from the panel.
    await waitFor('Problems to drop the fixed citations', async () => {
      const left = await page.locator('.markers-panel .monaco-list-row[aria-level="2"]').allInnerTexts();
      return !left.some((r) => /no paragraph 99|runs backwards/.test(r));
    });
  }));
});
