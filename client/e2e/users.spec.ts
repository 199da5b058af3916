import { expect, test } from '@playwright/test';
import { loginViaUi, pickOption, waitForModal } from './helpers';

test('admin adds a user and finds it in the list', async ({ page }) => {
  const stamp = Date.now().toString(36);
  const username = `e2e_${stamp}`;
  const displayName = `测试用户${stamp}`;

  await loginViaUi(page, 'admin');
  await page.getByTestId('menu-users').click();
  await expect(page.getByTestId('users-table')).toBeVisible();

  await page.getByTestId('user-create').click();
  // (the modal's test id sits on antd's zero-size root; assert on what is inside it)
  const modal = page.getByTestId('user-create-modal');
  await waitForModal(modal);
  await modal.getByTestId('user-form-username').fill(username);
  await modal.getByTestId('user-form-displayName').fill(displayName);
  await modal.getByTestId('user-form-password').fill('E2e@Passw0rd!');

  // Role: a county-level role without extra permissions (it fits the county region chosen below)
  await pickOption(page, modal.getByTestId('user-form-role'), '.ant-select-item-option', '县直部门工作人员');
  // Region: the county itself, the root of admin's tree (role=treeitem: antd also renders a hidden measuring node)
  await pickOption(page, modal.getByTestId('user-form-region'), '[role="treeitem"] .ant-select-tree-node-content-wrapper');

  await modal.getByTestId('user-form-phone').fill('13800001234');
  await page.getByTestId('user-form-submit').click();

  await expect(modal.getByTestId('user-form-username')).toBeHidden();

  // Find it through the search box (whatever the list's order)
  const search = page.getByTestId('users-search').locator('input');
  await search.fill(username);
  await search.press('Enter');
  await expect(page).toHaveURL(new RegExp(`q=${username}`));
  const usernameCell = page.getByTestId('user-username').filter({ hasText: new RegExp(`^${username}$`) });
  const row = page.getByTestId('users-table').locator('tr', { has: usernameCell });
  await expect(row).toHaveCount(1, { timeout: 15_000 });
  await expect(row).toContainText(displayName);
  await expect(row).toContainText('138****1234');
});
