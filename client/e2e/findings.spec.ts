import { expect, test, type Page } from '@playwright/test';
import { apiAs, loginViaUi, logoutViaUi, pickOption, waitForModal } from './helpers';

/** Opens the finding titled `title` from the list (searched by title) in the drawer. */
async function openFinding(page: Page, title: string) {
  await page.getByTestId('menu-findings').click();
  await page.getByTestId('findings-search').locator('input').fill(title);
  await page.getByTestId('findings-search').locator('input').press('Enter');
  await page.getByTestId('findings-table').getByTestId('finding-row').filter({ hasText: title }).click();
  const drawer = page.getByTestId('finding-drawer');
  await expect(drawer.getByTestId('finding-title')).toHaveText(title);
  return drawer;
}

/** Closes the drawer (it covers the header's 退出). */
async function closeDrawer(page: Page) {
  await page.getByTestId('finding-drawer').locator('.ant-drawer-close').click();
  await expect(page.getByTestId('finding-drawer').getByTestId('finding-title')).toBeHidden();
}

/** Takes one step of the thread from the drawer, with its text. */
async function act(page: Page, button: string, text: string) {
  await page.getByTestId(`finding-action-${button}`).click();
  const modal = page.getByTestId('finding-action-modal');
  await waitForModal(modal);
  if (text) await modal.getByTestId('finding-action-text').fill(text);
  await modal.getByTestId('finding-action-submit').click();
  await expect(modal.locator('.ant-modal')).toBeHidden();
}

// 评估意见: the evaluator posts a finding on one of 城关镇's enforcement cases (a wrong record number is refused under
// its field); 城关镇's leader sees it waiting in the overview and answers it; the evaluator accepts the answer and
// closes it; the thread shows every step.
test('评估意见: posted by the evaluator, answered by the township, accepted and closed', async ({ page }) => {
  test.setTimeout(120_000);
  const title = `E2E 评估意见 ${String(Date.now()).slice(-8)}`;
  const leader = await apiAs('t01_leader');
  const [caseRow] = (await leader.get<{ items: { id: string }[] }>('/api/v1/enforcement/cases?limit=1')).items;
  await leader.dispose();
  expect(caseRow).toBeTruthy();

  await loginViaUi(page, 'evaluator');
  await page.getByTestId('menu-findings').click();
  await page.getByTestId('finding-post').click();
  const form = page.getByTestId('finding-post-modal');
  await waitForModal(form);
  await pickOption(page, form.getByTestId('finding-post-module'), '.ant-select-item-option', '综合行政执法');
  await pickOption(page, form.getByTestId('finding-post-record-type'), '.ant-select-item-option', '执法案件');
  await form.getByTestId('finding-post-record-id').fill('01a25097-0000-7000-8000-000000000000');
  await form.getByTestId('finding-post-title').fill(title);
  await form.getByTestId('finding-post-text').fill('立案后超过 30 日未见调查取证记录。');
  await form.getByTestId('finding-post-submit').click();
  await expect(form.locator('#finding_subject_recordId_help')).toContainText('找不到该记录');

  await form.getByTestId('finding-post-record-id').fill(caseRow!.id);
  await form.getByTestId('finding-post-submit').click();
  await expect(form.locator('.ant-modal')).toBeHidden();
  const drawer = page.getByTestId('finding-drawer');
  await expect(drawer.getByTestId('finding-title')).toHaveText(title);
  await expect(drawer.getByTestId('finding-detail-state')).toHaveText('待答复');
  await expect(drawer.getByTestId('finding-action-amend')).toBeVisible();
  await expect(drawer.getByTestId('finding-action-answer')).toHaveCount(0);
  await closeDrawer(page);
  await logoutViaUi(page);

  // 城关镇's leader: the overview counts it as waiting; only 答复 is offered
  await loginViaUi(page, 't01_leader');
  await page.getByTestId('menu-findings').click();
  const row = page.getByTestId('findings-summary-row').filter({ hasText: '城关镇' });
  await expect(row.getByTestId('findings-summary-cell').first()).not.toHaveAttribute('data-open', '0');
  await openFinding(page, title);
  await expect(page.getByTestId('finding-actions').getByRole('button')).toHaveCount(1);
  await act(page, 'answer', '已督促执法大队补充调查取证，并于本周内完成。');
  await expect(drawer.getByTestId('finding-detail-state')).toHaveText('已答复');
  await closeDrawer(page);
  await logoutViaUi(page);

  // the evaluator accepts the answer, then closes the finding
  await loginViaUi(page, 'evaluator');
  await openFinding(page, title);
  await act(page, 'accept', '');
  await expect(drawer.getByTestId('finding-detail-state')).toHaveText('已认可');
  await act(page, 'close', '整改到位。');
  await expect(drawer.getByTestId('finding-detail-state')).toHaveText('已关闭');
  await expect(drawer.getByTestId('finding-no-actions')).toBeVisible();
  const events = drawer.getByTestId('finding-event');
  await expect(events).toHaveCount(4);
  await expect(events.locator('strong')).toHaveText(['提出意见', '答复', '认可答复', '关闭']);
  await expect(events.nth(1).getByTestId('finding-event-note')).toHaveText(
    '已督促执法大队补充调查取证，并于本周内完成。',
  );
});
