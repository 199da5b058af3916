import { expect, test } from '@playwright/test';
import { BASE_URL, loginViaUi, searchAndPick, waitForModal } from './helpers';

// 评估任务: the county admin grants a third-party evaluator two modules, gives it an account and a token, sees what it
// read, and revokes the grant — which ends the evaluator's session at once and refuses its next sign-in.
test('an evaluator reads within its grant until the county revokes it', async ({ page, browser }) => {
  const stamp = Date.now().toString(36);
  const organisation = `e2e评估机构${stamp}`;
  const username = `e2e_eval_${stamp}`;
  const password = 'E2e@Passw0rd!';

  // the admin creates the grant: the county (the default), 权责清单 and 综合行政执法 only
  await loginViaUi(page, 'admin');
  await page.getByTestId('menu-grants').click();
  await expect(page.getByTestId('grants-table')).toBeVisible();
  await page.getByTestId('grant-create').click();
  const grantForm = page.getByTestId('grant-form-modal');
  await waitForModal(grantForm);
  await grantForm.getByTestId('grant-form-organisation').fill(organisation);
  await grantForm.getByTestId('grant-form-purpose').fill('乡镇（街道）管理体制改革成效评估（e2e）');
  await grantForm.getByTestId('grant-form-modules').getByText('便民服务').click();
  await grantForm.getByTestId('grant-form-modules').getByText('编制与人员').click();
  await page.getByTestId('grant-form-submit').click();
  const drawer = page.getByTestId('grant-drawer');
  await expect(drawer.getByTestId('grant-status')).toHaveText('有效');
  await expect(drawer.getByTestId('grant-detail')).toContainText('权责清单');
  await expect(drawer.getByTestId('grant-detail')).not.toContainText('便民服务');
  const grantPage = page.url();
  expect(grantPage).toMatch(/[?&]grant=/);

  // …and an evaluator account on it: no region to choose, the grant gives it
  await page.goto('/users');
  await page.getByTestId('user-create').click();
  const userForm = page.getByTestId('user-create-modal');
  await waitForModal(userForm);
  await userForm.getByTestId('user-form-username').fill(username);
  await userForm.getByTestId('user-form-displayName').fill(`评估员${stamp}`);
  await userForm.getByTestId('user-form-password').fill(password);
  // (the role list is long and virtual: search it)
  await searchAndPick(page, userForm.getByTestId('user-form-role'), '第三方评估机构');
  await expect(userForm.getByTestId('user-form-region')).toHaveCount(0);
  await searchAndPick(page, userForm.getByTestId('user-form-grant'), organisation);
  await page.getByTestId('user-form-submit').click();
  await expect(userForm.getByTestId('user-form-username')).toBeHidden();

  // …and an API token for its scripts: the grant's county is its only region, chosen with the grant
  await page.goto('/tokens');
  await page.getByTestId('token-create').click();
  const tokenForm = page.getByTestId('token-create-modal');
  await waitForModal(tokenForm);
  await tokenForm.getByTestId('token-form-name').fill(`评估脚本${stamp}`);
  await searchAndPick(page, tokenForm.getByTestId('token-form-role'), '第三方评估机构');
  await searchAndPick(page, tokenForm.getByTestId('token-form-grant'), organisation);
  await expect(tokenForm.getByTestId('token-form-grant-region')).toContainText('清河县');
  await page.getByTestId('token-form-submit').click();
  await expect(page.getByTestId('token-secret')).toContainText('gov_');
  await page.getByTestId('token-secret-done').click();

  // the evaluator signs in: its grant in the header, only the granted modules in the menu, the KPIs of one of them
  const evaluatorContext = await browser.newContext({ baseURL: BASE_URL, timezoneId: 'Asia/Shanghai' });
  const evaluator = await evaluatorContext.newPage();
  await loginViaUi(evaluator, username, password);
  await expect(evaluator.getByTestId('evaluation-grant')).toContainText(organisation);
  await expect(evaluator.getByTestId('menu-services')).toHaveCount(0);
  await evaluator.getByTestId('menu-power-kpis').click();
  await expect(evaluator).toHaveURL(/\/power-lists\/kpis$/);
  await expect(evaluator.getByTestId('kpis-rates').locator('canvas')).toHaveCount(1);

  // the admin sees the account and what it read (评估机构查阅记录)
  await page.goto(grantPage);
  await expect(drawer.getByTestId('grant-users')).toContainText(username);
  await expect(drawer.getByTestId('grant-tokens')).toContainText(`评估脚本${stamp}`);
  await expect(drawer.getByTestId('grant-reads')).toContainText('/api/v1/power-lists/kpis');

  // …and revokes the grant, with its reason
  await drawer.getByTestId('grant-revoke').click();
  const revokeForm = page.getByTestId('grant-revoke-modal');
  await waitForModal(revokeForm);
  await page.getByTestId('grant-revoke-submit').click();
  await expect(revokeForm).toContainText('请填写撤销原因');
  await revokeForm.getByTestId('grant-revoke-reason').fill('评估合同终止（e2e）');
  await page.getByTestId('grant-revoke-submit').click();
  await expect(drawer.getByTestId('grant-status')).toHaveText('已撤销');
  await expect(drawer.getByTestId('grant-detail')).toContainText('评估合同终止（e2e）');

  // the evaluator's session has ended: the next page goes to the login, and signing in again is refused
  await evaluator.reload();
  await expect(evaluator).toHaveURL(/\/login/);
  await evaluator.getByTestId('login-username').fill(username);
  await evaluator.getByTestId('login-password').fill(password);
  await evaluator.getByTestId('login-submit').click();
  await expect(evaluator.getByTestId('login-error')).toContainText('评估任务已到期或已撤销');
  await evaluatorContext.close();
});
