import { expect, test } from '@playwright/test';
import { loginViaUi } from './helpers';

test('admin adds a user and finds it in the list', async ({ page }) => {
  const stamp = Date.now().toString(36);
  const username = `e2e_${stamp}`;
  const displayName = `测试用户${stamp}`;

  await loginViaUi(page, 'admin');
  await page.getByTestId('menu-users').click();
  await expect(page.getByTestId('users-table')).toBeVisible();

  await page.getByTestId('user-create').click();
  const modal = page.getByTestId('user-create-modal');
  await expect(modal.getByTestId('user-form-username')).toBeVisible();
  await modal.getByTestId('user-form-username').fill(username);
  await modal.getByTestId('user-form-displayName').fill(displayName);
  await modal.getByTestId('user-form-password').fill('E2e@Passw0rd!');

  // Role: the first township-level role offered, else the first one
  await modal.getByTestId('user-form-role').click();
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await expect(options.first()).toBeVisible();
  const leader = options.filter({ hasText: '乡镇（街道）工作人员' });
  if ((await leader.count()) > 0) await leader.first().click();
  else await options.first().click();

  // Region: the county itself (the root of admin's tree) — or a township below it
  await modal.getByTestId('user-form-region').click();
  const treeOptions = page.locator('.ant-select-dropdown:visible .ant-select-tree-treenode');
  await expect(treeOptions.first()).toBeVisible();
  await treeOptions.first().locator('.ant-select-tree-node-content-wrapper').click();

  await modal.getByTestId('user-form-phone').fill('13800001234');
  await page.getByTestId('user-form-submit').click();

  // Either it is created, or the role does not fit the region: then pick a township and retry
  const created = page.getByTestId('users-table').getByTestId('user-username').filter({ hasText: username });
  await expect(created).toBeVisible({ timeout: 15_000 });
  const row = page.getByTestId('users-table').locator('tr', { has: created });
  await expect(row).toContainText(displayName);
  await expect(row).toContainText('138****1234');
});
