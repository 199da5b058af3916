import { expect, test, type Locator, type Page } from '@playwright/test';
import { countyToday, fillDate, loginViaUi, pickOption, waitForModal } from './helpers';

/** The form item (label, control, messages) of the control with this test id, inside `container`. */
function formItemOf(page: Page, container: Locator, testId: string): Locator {
  return container.locator('.ant-form-item', { has: page.getByTestId(testId) }).last();
}

// One service item goes through the whole story: created with a full guide (after a refused time limit), revised,
// compared, published, and read by the public without logging in.
test.describe.serial('便民服务事项目录', () => {
  test.describe.configure({ timeout: 120_000 });
  const stamp = String(Date.now()).slice(-8);
  const code = `BM-E2E-${stamp}`;
  const name = `E2E居住证申领${stamp}`;
  // v1 in force from a week ago, v2 from today: the public sees v2 once it is published
  const firstDay = countyToday(-7);
  let publicPath = '';

  test('zwfw creates an item with a full guide, revises it, compares the versions and publishes it', async ({ page }) => {
    // 县政务服务管理人员 (service_admin) holds services.manage, as does the county admin
    await loginViaUi(page, 'zwfw');
    await page.getByTestId('menu-service-items').click();
    await expect(page).toHaveURL(/\/services\/items$/);
    await expect(page.getByTestId('services-table')).toBeVisible();

    // 新建事项
    await page.getByTestId('service-create').click();
    const modal = page.getByTestId('service-create-modal');
    await waitForModal(modal);
    await modal.getByTestId('guide-form-code').fill(code);
    await modal.getByTestId('guide-form-name').fill(name);
    await expect(modal.getByTestId('guide-form-level').locator('.ant-radio-button-wrapper-checked')).toHaveText('乡镇');
    await expect(modal.getByTestId('guide-form-kind').locator('.ant-radio-button-wrapper-checked')).toHaveText('承诺件');
    await modal.getByTestId('guide-form-legal-basis').fill('《居住证暂行条例》第九条');
    await modal.getByTestId('guide-form-conditions').fill('在本县居住半年以上，并有合法稳定就业、合法稳定住所或连续就读。');
    await modal.getByTestId('material-name-0').fill('居民身份证');
    await pickOption(page, modal.getByTestId('material-form-0'), '.ant-select-item-option', '原件和复印件');
    await modal.getByTestId('material-add').click();
    await modal.getByTestId('material-name-1').fill('居住证申领登记表');
    await modal.getByTestId('material-copies-1').fill('2');
    await modal.getByTestId('guide-form-statutory-days').fill('20');
    await modal.getByTestId('guide-form-promised-days').fill('25');
    await modal.getByTestId('step-add').click();
    await modal.getByTestId('step-3').fill('送达');
    await expect(modal.getByTestId('step-add')).toBeDisabled();
    await modal.getByTestId('guide-form-phone').fill('0312-5551234');
    await modal.getByTestId('guide-form-channels').getByText('网上', { exact: true }).click();
    await modal.getByTestId('guide-form-channels').getByText('村代办点').click();
    await fillDate(modal.getByTestId('guide-form-effective-from'), firstDay);

    // 承诺时限 longer than 法定时限: refused under the field, nothing sent
    await page.getByTestId('guide-form-submit').click();
    const promised = modal.getByTestId('guide-form-promised-days');
    await expect(formItemOf(page, modal, 'guide-form-promised-days')).toContainText('承诺时限不能长于法定时限（20 个工作日）。');
    await promised.fill('5');
    await expect(formItemOf(page, modal, 'guide-form-promised-days')).not.toContainText('承诺时限不能长于法定时限');
    await page.getByTestId('guide-form-submit').click();
    await expect(modal.getByTestId('guide-form-code')).toBeHidden();

    // …listed in the catalogue, found by its code, not yet published
    await expect(page).toHaveURL(new RegExp(`q=${code}`));
    const row = page.locator(`[data-testid="service-row"][data-code="${code}"]`);
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(name);
    await expect(row).toContainText('承诺件');
    await expect(row.getByTestId('service-days')).toHaveText('5 / 20');
    await expect(row.getByTestId('published-tag')).toHaveAttribute('data-published', 'false');
    publicPath = (await page.getByTestId('services-public-link').getAttribute('href')) ?? '';
    expect(publicPath).toMatch(/^\/public\/services\/[0-9a-f-]{36}$/);

    // the guide as a 办事指南
    await row.getByTestId('service-code').click();
    await expect(page).toHaveURL(/\/services\/items\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('service-title')).toContainText(code);
    const guide = page.getByTestId('guide');
    await expect(guide.getByTestId('guide-material')).toHaveCount(2);
    await expect(guide.getByTestId('guide-material').first()).toContainText('原件和复印件');
    await expect(guide.getByTestId('guide-promised-days')).toHaveText('承诺时限：5 个工作日');
    await expect(guide.getByTestId('guide-steps')).toContainText('送达');
    await expect(guide.getByTestId('guide-channels')).toContainText('村代办点');
    await expect(guide.getByTestId('guide-fee')).toHaveText('免费');

    // 修订: from today, a shorter promised time limit and a fee
    await page.getByTestId('service-revise').click();
    const revise = page.getByTestId('service-revise-modal');
    await waitForModal(revise);
    await expect(revise.getByTestId('guide-form-name')).toHaveValue(name);
    await expect(revise.getByTestId('guide-form-effective-from')).toHaveValue(countyToday());
    await revise.getByTestId('guide-form-promised-days').fill('3');
    await revise.getByTestId('guide-form-fee').getByText('收费', { exact: true }).click();
    await revise.getByTestId('guide-form-fee-amount').fill('10');
    await revise.getByTestId('guide-form-fee-basis').fill('县发改局收费文件');
    await revise.getByTestId('guide-form-change-note').fill('E2E 修订：压缩承诺时限');
    await page.getByTestId('guide-revise-submit').click();
    await expect(revise.getByTestId('guide-form-name')).toBeHidden();

    // two versions: v2 in force today, v1 superseded
    await expect(page.getByTestId('version-item')).toHaveCount(2);
    await expect(page.locator('[data-testid="version-item"][data-version="2"]')).toHaveAttribute('data-state', 'inForce');
    await expect(page.locator('[data-testid="version-item"][data-version="1"]')).toHaveAttribute('data-state', 'superseded');
    await expect(guide).toHaveAttribute('data-version', '2');
    await expect(guide.getByTestId('guide-promised-days')).toHaveText('承诺时限：3 个工作日');

    // the diff v1 → v2
    const diff = page.getByTestId('version-diff');
    await expect(diff.getByTestId('diff-from')).toContainText('v1');
    await expect(diff.getByTestId('diff-to')).toContainText('v2');
    const diffRow = (field: string) => diff.locator(`[data-testid="diff-row"][data-field="${field}"]`);
    await expect(diffRow('promisedDays')).toHaveAttribute('data-changed', 'true');
    await expect(diffRow('promisedDays')).toContainText('5 个工作日');
    await expect(diffRow('promisedDays')).toContainText('3 个工作日');
    await expect(diffRow('fee')).toHaveAttribute('data-changed', 'true');
    await expect(diffRow('fee')).toContainText('10 元（依据：县发改局收费文件）');
    await expect(diffRow('name')).toHaveAttribute('data-changed', 'false');
    await expect(diff.getByTestId('diff-summary')).toHaveText('变化的字段：承诺时限、收费');

    // 公布 (If-Match with the ETag of v2)
    await page.getByTestId('service-publish').click();
    await page.getByTestId('service-publish-confirm').click();
    await expect(page.locator('[data-testid="version-item"][data-version="2"]')).toHaveAttribute('data-published', 'true');
    await expect(page.getByTestId('service-publish')).toBeHidden();
  });

  test('the public reads the published guide without logging in', async ({ browser }) => {
    expect(publicPath).not.toBe('');
    const context = await browser.newContext();
    const visitor = await context.newPage();
    await visitor.goto(publicPath);
    await expect(visitor.getByTestId('public-layout')).toBeVisible();
    await expect(visitor.getByTestId('public-menu-services')).toHaveAttribute('href', publicPath);

    await visitor.getByTestId('public-services-search').locator('input').fill(stamp);
    await visitor.getByTestId('public-services-search').locator('input').press('Enter');
    const link = visitor.locator('[data-testid="public-service"]', { hasText: name }).getByTestId('public-service-link');
    await expect(link).toHaveCount(1);
    await expect(link).toContainText('承诺时限 3 个工作日');
    await link.click();

    await expect(visitor).toHaveURL(/\/public\/services\/item\/[0-9a-f-]{36}\?county=/);
    await expect(visitor.getByTestId('public-guide-title')).toHaveText(name);
    const guide = visitor.getByTestId('guide');
    await expect(guide).toHaveAttribute('data-version', '2');
    await expect(guide.getByTestId('guide-fee')).toContainText('10 元');
    await expect(guide.getByTestId('guide-material')).toHaveCount(2);
    await expect(guide.getByTestId('guide-steps')).toContainText('送达');
    await expect(visitor.getByTestId('public-print')).toBeVisible();
    // still a visitor: never sent to the login page
    await expect(visitor).not.toHaveURL(/\/login/);
    await visitor.getByTestId('public-guide-back').click();
    await expect(visitor).toHaveURL(new RegExp(`${publicPath}$`));
    await context.close();
  });
});
