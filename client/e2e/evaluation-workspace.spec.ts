import { expect, test } from '@playwright/test';
import { loginViaUi, waitForModal } from './helpers';

// 评估工作台: the demo evaluator opens its workspace first in the menu, sees its grant and the KPI figures of the last
// closed month, reads a KPI's definition, posts a finding on a frozen figure (the form quotes it) and finds it under
// 意见.
test('评估工作台: the grant, the KPIs with their definitions, a finding on a figure', async ({ page }) => {
  const title = `E2E 指标意见 ${String(Date.now()).slice(-8)}`;
  await loginViaUi(page, 'evaluator');
  const menu = page.getByTestId('nav-menu');
  await expect(menu.locator('[data-testid^="menu-"]').first()).toHaveAttribute('data-testid', 'menu-evaluation');
  await page.getByTestId('menu-evaluation').click();
  await expect(page).toHaveURL(/\/evaluation$/);
  await expect(page.getByTestId('workspace-grant-organisation')).toHaveText('华信第三方评估有限公司（演示）');
  await expect(page.getByTestId('workspace-grant-modules')).toContainText('综合行政执法');

  // the last closed month's figures, frozen: the definition of the first one
  const frozen = page.locator('[data-testid="workspace-kpi-row"][data-frozen="true"]');
  await expect(frozen.first()).toBeVisible();
  const row = frozen.first();
  const code = (await row.getAttribute('data-code'))!;
  const month = (await row.getAttribute('data-month'))!;
  await row.getByTestId('workspace-kpi-code').click();
  const definition = page.getByTestId('workspace-definition');
  await expect(definition).toHaveAttribute('data-code', code);
  await expect(page.getByTestId('workspace-definition-numerator')).not.toBeEmpty();
  await page.getByTestId('workspace-definition-drawer').locator('.ant-drawer-close').click();
  await expect(definition).toBeHidden();

  // 提出意见 on that figure: the form quotes it
  await row.getByTestId('workspace-kpi-quote').click();
  const form = page.getByTestId('finding-post-modal');
  await waitForModal(form);
  await expect(form.getByTestId('finding-post-kpi')).toContainText(code);
  await expect(form.locator('#finding_subject_month')).toHaveValue(month);
  await form.getByTestId('finding-post-title').fill(title);
  await form.getByTestId('finding-post-text').fill('该数值与抽查的台账不一致，请核实。');
  await form.getByTestId('finding-post-submit').click();
  await expect(form.locator('.ant-modal')).toBeHidden();

  // …and under 意见, waiting for an answer
  await page.getByTestId('workspace-tab-findings').click();
  const posted = page.getByTestId('findings-table').getByTestId('finding-row').filter({ hasText: title });
  await expect(posted).toHaveAttribute('data-state', 'open');
  await expect(posted.getByTestId('finding-subject')).toContainText(code);
  const waiting = page.getByTestId('workspace-findings-waiting').locator('.ant-statistic-content-value');
  await expect(waiting).not.toHaveText('0');
});
