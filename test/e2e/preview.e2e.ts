/**
 * Citations in VS Code's own Markdown preview, with the real .vsix in VS Code 1.99:
 * the markdown-it plugin's links and tooltips inside the preview's webview, the hover
 * card of the preview script (pointer and keyboard), a click that opens the paper at the
 * paragraph; and the panel's Never cited list.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Frame } from 'playwright-core';
import { openFile, repoRoot, runCommand, waitFor, webviewFrame } from './harness';
import { openDraftWhenReady, extensionErrors, paperLine, shot, showPanel, startScenario, waitForCursorLine, withFailureShot, type Scenario } from './scenario';

const PARAGRAPH_25 = 'the Administration is neutral on this question';

/** The preview's frame showing a document that has this element. */
function previewFrame(s: Scenario, selector: string): Promise<Frame> {
  return webviewFrame(s.wb.page, async (f) => (await f.locator(`.markdown-body ${selector}, body.vscode-body ${selector}`).count()) > 0, 45_000);
}

/** Copies a screenshot of test-results/e2e/ to docs/screenshots/ for the README. */
function keep(name: string): void {
  const from = path.join(repoRoot(), 'test-results', 'e2e', `${name}.png`);
  if (fs.existsSync(from)) fs.copyFileSync(from, path.join(repoRoot(), 'docs', 'screenshots', `${name}.png`));
}

describe('citations in the Markdown preview', { timeout: 300_000 }, () => {
  let s: Scenario | undefined;

  before(async () => {
    // VS Code opens a Markdown link in the preview unless told otherwise; opened in the
    // editor, the paper's text shows at the paragraph's line, which the test can read.
    s = await startScenario('preview', { workspaceSettings: { 'markdown.preview.openMarkdownLinks': 'inEditor' } });
  }, { timeout: 120_000 });

  after(async () => {
    await s?.stop();
  });

  it('the preview links each citation, with the paragraph’s number and first words as its title', { timeout: 120_000 }, withFailureShot(() => s?.wb.page, 'preview-links', async () => {
    const { wb } = s!;
    await openDraftWhenReady(wb);
    await runCommand(wb.page, 'Markdown: Open Preview to the Side');
    const frame = await previewFrame(s!, 'a.crp-cite-link');
    const link = frame.locator('a.crp-cite-link', { hasText: 'CRP/43 §25' });
    const title = (await link.getAttribute('title')) ?? '';
    assert.match(title, /^CRP\/43 · Paragraph 25: Notwithstanding the outcomes/);
    assert.match(title, /Click to open CRP\/43 at this passage\./);
    const texts = await frame.locator('a.crp-cite-link').allInnerTexts();
    assert.deepEqual(texts, ['CRP/43 §16', 'CRP/43 §§6–8', 'CRP/43 §25']);
    await shot(wb.page, 'preview-citation');
    keep('preview-citation');
    assert.deepEqual(extensionErrors(wb), []);
  }));

  it('pointing at a citation shows the whole paragraph in a card; the keyboard shows it too, Escape hides it', { timeout: 60_000 }, withFailureShot(() => s?.wb.page, 'preview-card', async () => {
    const { wb } = s!;
    const frame = await previewFrame(s!, 'a.crp-cite-link');
    const link = frame.locator('a.crp-cite-link', { hasText: 'CRP/43 §25' });
    await link.hover();
    const card = frame.locator('#crp-cite-card');
    await card.waitFor({ state: 'visible', timeout: 10_000 });
    const text = await card.innerText();
    assert.match(text, /CRP\/43 · Paragraph 25/);
    assert.match(text, new RegExp(PARAGRAPH_25));
    // The card takes the place of the browser's tooltip while it shows.
    assert.equal(await link.getAttribute('aria-describedby'), 'crp-cite-card');
    await shot(wb.page, 'preview-hover-card');
    keep('preview-hover-card');
    await wb.page.mouse.move(5, 5);
    await card.waitFor({ state: 'hidden', timeout: 5_000 });
    await link.focus();
    await card.waitFor({ state: 'visible', timeout: 5_000 });
    await wb.page.keyboard.press('Escape');
    await card.waitFor({ state: 'hidden', timeout: 5_000 });
    assert.match((await link.getAttribute('title')) ?? '', /Paragraph 25/);
  }));

  it('clicking a citation opens the paper at the paragraph', { timeout: 90_000 }, withFailureShot(() => s?.wb.page, 'preview-click', async () => {
    const { wb } = s!;
    const frame = await previewFrame(s!, 'a.crp-cite-link');
    await frame.locator('a.crp-cite-link', { hasText: 'CRP/43 §25' }).click();
    await waitFor('crp-43.md open in an editor', async () => (await wb.page.locator('.tab.active', { hasText: 'crp-43.md' }).count()) > 0, { timeout: 20_000 });
    await waitForCursorLine(wb.page, paperLine(25) + 1);
    await shot(wb.page, 'preview-click-paper');
  }));

  it('with VS Code’s default (links open in the preview), the preview shows the paper at the paragraph', { timeout: 90_000 }, withFailureShot(() => s?.wb.page, 'preview-click-in-preview', async () => {
    const { wb } = s!;
    fs.writeFileSync(path.join(s!.workspace, '.vscode', 'settings.json'), JSON.stringify({ 'markdown.preview.openMarkdownLinks': 'inPreview' }));
    // The side preview followed the paper's editor: show the draft's again.
    await openFile(wb.page, 'statement.md');
    await runCommand(wb.page, 'Markdown: Open Preview to the Side');
    const frame = await previewFrame(s!, 'a.crp-cite-link');
    // The setting is read at the click: give the workbench a moment to see the file change.
    await new Promise((done) => setTimeout(done, 2_000));
    await frame.locator('a.crp-cite-link', { hasText: 'CRP/43 §25' }).click();
    const id = `L${paperLine(25) + 1}`;
    const paper = await previewFrame(s!, `[id="${id}"]`);
    await waitFor('paragraph 25 at the top of the preview', async () => {
      const top = await paper.locator(`[id="${id}"]`).evaluate((el) => el.getBoundingClientRect().top / window.innerHeight);
      return top >= 0 && top < 0.25;
    }, { timeout: 15_000 });
    assert.match(await paper.locator(`[id="${id}"]`).innerText(), new RegExp(PARAGRAPH_25));
    await shot(wb.page, 'preview-click-in-preview');
    keep('preview-click-in-preview');
  }));

  it('the panel lists the paragraphs never cited', { timeout: 60_000 }, withFailureShot(() => s?.wb.page, 'panel-never-cited', async () => {
    const { wb } = s!;
    await openFile(wb.page, 'statement.md');
    const panel = await showPanel(wb.page);
    await panel.locator('vscode-button.never-cited').click();
    await waitFor('the never-cited status', async () => /Paragraphs never cited in the workspace: \d+/.test(await panel.locator('.status').innerText()), { timeout: 15_000 });
    const shown = (await panel.locator('vscode-tree-item.paragraph').evaluateAll((items) => items.map((i) => Number((i as HTMLElement).dataset.paragraph))));
    // statement.md cites 6, 7, 8, 16, 25; review.md cites more; none of them is listed.
    for (const n of [6, 7, 8, 16, 25]) assert.ok(!shown.includes(n), `${n} is cited`);
    assert.ok(shown.includes(1) && shown.length > 5, `listed: ${shown.join(', ')}`);
    const count = Number(/: (\d+)/.exec(await panel.locator('.status').innerText())![1]);
    assert.equal(count, shown.length);
    await shot(wb.page, 'panel-never-cited');
    keep('panel-never-cited');
    await panel.locator('vscode-button.never-cited').click();
    await waitFor('every paragraph again', async () => (await panel.locator('vscode-tree-item.paragraph').count()) === 27, { timeout: 10_000 });
  }));
});
