import { expect, test } from '@playwright/test';
import { loginViaUi, logoutViaUi } from './helpers';

test('admin signs in, sees the Chinese UI, switches to English and back, signs out', async ({ page }) => {
  await loginViaUi(page, 'admin');

  // Chinese by default
  await expect(page.getByTestId('app-title')).toHaveText('县乡治理平台');
  await expect(page.getByTestId('menu-home')).toHaveText('首页');
  await expect(page.getByTestId('menu-organization')).toHaveText('组织机构');
  await expect(page.getByTestId('logout')).toContainText('退出登录');
  await expect(page.getByTestId('current-user-region')).toContainText('清河县');

  // English
  await page.getByTestId('lang-switch').getByText('English').click();
  await expect(page.getByTestId('app-title')).toHaveText('Governance');
  await expect(page.getByTestId('menu-home')).toHaveText('Home');
  await expect(page.getByTestId('menu-organization')).toHaveText('Organization');
  await expect(page.getByTestId('logout')).toContainText('Sign out');
  expect(await page.evaluate(() => window.localStorage.getItem('gov.lang'))).toBe('en');

  // The choice survives a reload
  await page.reload();
  await expect(page.getByTestId('menu-home')).toHaveText('Home');

  // Back to Chinese
  await page.getByTestId('lang-switch').getByText('中文').click();
  await expect(page.getByTestId('app-title')).toHaveText('县乡治理平台');
  await expect(page.getByTestId('menu-home')).toHaveText('首页');

  await logoutViaUi(page);
  await expect(page.getByTestId('login-submit')).toBeVisible();
  // The session is gone: a protected page sends us back to the login form
  await page.goto('/regions');
  await expect(page).toHaveURL(/\/login$/);
});

test('a wrong password shows the server detail under the form', async ({ page }) => {
  await page.goto('/login');
  await page.getByTestId('login-username').fill('t02_leader');
  await page.getByTestId('login-password').fill('definitely-wrong-password');
  await page.getByTestId('login-submit').click();

  const error = page.getByTestId('login-error');
  await expect(error).toBeVisible();
  await expect(error).not.toBeEmpty();
  await expect(page).toHaveURL(/\/login$/);

  // The right password still works (and resets the failure count so re-runs never lock the account)
  await loginViaUi(page, 't02_leader');
  await logoutViaUi(page);
});
