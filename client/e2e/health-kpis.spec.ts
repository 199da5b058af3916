import { expect, test } from '@playwright/test';
import { loginViaUi } from './helpers';

test('清单体检: bianban sees the problems by kind and follows a flag to the township list as of that date', async ({ page }) => {
  await loginViaUi(page, 'bianban');
  await page.getByTestId('menu-power-health').click();
  await expect(page).toHaveURL(/\/power-lists\/health$/);
  await expect(page.getByTestId('health-kind').first()).toBeVisible();
  await expect(page.locator('[data-testid="health-kind"][data-severity="error"]').first()).toBeVisible();
  await expect(page.getByTestId('health-export')).toHaveAttribute('href', /\/api\/v1\/power-lists\/health\/export\?asOf=/);
  const flag = page.getByTestId('health-flag').filter({ has: page.getByTestId('flag-link-township') }).first();
  await expect(flag).toBeVisible();
  await flag.getByTestId('flag-link-township').click();
  await expect(page).toHaveURL(/\/power-lists\/townships\/[0-9a-f-]{36}\?asOf=\d{4}-\d{2}-\d{2}$/);
});

test('清单指标: the leader sees the monthly charts', async ({ page }) => {
  await loginViaUi(page, 'leader');
  await page.getByTestId('menu-power-kpis').click();
  await expect(page).toHaveURL(/\/power-lists\/kpis$/);
  await expect(page.getByTestId('kpis-rates').locator('canvas')).toHaveCount(1);
  await expect(page.getByTestId('kpis-by-mode').locator('canvas')).toHaveCount(1);
  await expect(page.getByTestId('kpis-definitions')).toContainText('PL_COMPLETENESS');
});
