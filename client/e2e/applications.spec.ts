import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import {
  actionStep,
  apiAs,
  countyToday,
  loginViaUi,
  logoutViaUi,
  publishedServiceItem,
  searchAndPick,
} from './helpers';

/** Fills the register form (workbench or village desk) for a person, the ID card received as an original, and sends it. */
async function register(page: Page, itemCode: string, applicant: string): Promise<void> {
  const form = page.getByTestId('register-form');
  await searchAndPick(page, form.getByTestId('register-item'), itemCode);
  await expect(form.getByTestId('register-item-terms')).toContainText('3 个工作日');
  await expect(form.getByTestId('register-materials-missing')).toContainText('居民身份证');
  await form.getByTestId('register-material-0-original').click();
  await expect(form.getByTestId('register-materials-missing')).toHaveCount(0);
  await form.getByTestId('register-name').fill(applicant);
  await form.getByTestId('register-id-number').fill('110101199003070011');
  await form.getByTestId('register-phone').fill('13812345678');
  await form.getByTestId('register-submit').click();
}

// 办件: a township window registers an application at its workbench and takes it through 受理 → 办结 → 送达; the
// details show the timeline and the receipt the promised date. A village agent registers for a villager and forwards
// (转报) to the township, whose window then finds it in its list.
test.describe.serial('办件', () => {
  test.describe.configure({ timeout: 120_000 });
  const stamp = String(Date.now()).slice(-8);
  const code = `E2E-SX-${stamp}`;
  const itemName = `E2E办件测试事项${stamp}`;
  const villager = `代办${stamp}`;
  let registeredId = '';

  test.beforeAll(async () => {
    // a published township-level 承诺件 (3 working days) of the county catalogue, made by the county's service admin
    const zwfw = await apiAs('zwfw');
    await publishedServiceItem(zwfw, {
      code,
      name: itemName,
      level: 'township',
      kind: 'promised',
      legalBasis: '《中华人民共和国社会保险法》',
      conditions: '本县户籍居民',
      materials: [{ name: '居民身份证', form: 'original', copies: 1, required: true }],
      statutoryDays: 20,
      promisedDays: 3,
      steps: ['受理', '审核', '办结'],
      phone: '0371-12345678',
      channels: ['window', 'village_point'],
      effectiveFrom: countyToday(),
      changeNote: '新增',
    });
    await zwfw.dispose();
  });

  test('t01_window registers at the workbench, accepts, completes, delivers; details and receipt', async ({ page }) => {
    const applicant = `张测${stamp}`;
    await loginViaUi(page, 't01_window');
    await page.getByTestId('menu-service-workbench').click();
    await expect(page).toHaveURL(/\/services\/workbench$/);
    await expect(page.getByTestId('summary-cards')).toBeVisible();
    await expect(page.getByTestId('summary-open')).toHaveAttribute('data-value', /\d+/);
    await expect(page.getByTestId('current-application-empty')).toBeVisible();

    await register(page, code, applicant);
    const current = page.getByTestId('current-application');
    await expect(current).toBeVisible();
    await expect(current.getByTestId('current-item')).toContainText(itemName);
    await expect(current.getByTestId('current-applicant')).toHaveText(applicant);
    await expect(current.getByTestId('current-state')).toHaveAttribute('data-state', 'received');
    registeredId = (await current.getAttribute('data-id')) ?? '';
    expect(registeredId).toMatch(/^[0-9a-f-]{36}$/);
    await expect(page).toHaveURL(new RegExp(`open=${registeredId}`));
    // exactly what the API allows on a fresh township application
    await expect(current.locator('[data-testid^="application-action-"]')).toHaveCount(4);
    // the figures follow
    await expect(page.getByTestId('summary-receivedToday')).not.toHaveAttribute('data-value', '0');

    // 受理: one click
    await current.getByTestId('application-action-accept').click();
    await expect(current.getByTestId('current-state')).toHaveAttribute('data-state', 'accepted');
    await expect(current.getByTestId('application-action-suspend')).toBeVisible();

    // 办结 (准予, the default)
    await actionStep(page, 'application', 'complete', async (modal) => {
      await expect(modal.getByTestId('action-outcome-approved')).toBeVisible();
      await modal.getByTestId('action-outcome-approved').click();
    });
    await expect(current.getByTestId('current-state')).toHaveAttribute('data-state', 'completed');

    // 送达: 窗口领取
    await actionStep(page, 'application', 'deliver', async (modal) => {
      await modal.getByTestId('action-delivery-pickup').click();
      await expect(modal.getByTestId('action-tracking')).toHaveCount(0);
    });
    await expect(current.getByTestId('current-state')).toHaveAttribute('data-state', 'delivered');
    await expect(current.getByTestId('application-no-actions')).toBeVisible();

    // the details: every step on the timeline, who did it, the outcome and the delivery
    await current.getByTestId('current-detail-link').click();
    await expect(page).toHaveURL(new RegExp(`/services/applications/${registeredId}$`));
    await expect(page.getByTestId('application-title')).toContainText(itemName);
    const events = page.getByTestId('application-timeline').getByTestId('application-event');
    await expect(events).toHaveCount(4);
    for (const [i, action] of ['register', 'accept', 'complete', 'deliver'].entries()) {
      await expect(events.nth(i)).toHaveAttribute('data-action', action);
    }
    await expect(events.nth(1)).toContainText('已接件');
    await expect(events.nth(1)).toContainText('已受理');
    await expect(events.nth(3)).toContainText('窗口领取');
    await expect(page.getByTestId('application-outcome')).toHaveText('准予');
    await expect(page.getByTestId('application-delivery')).toHaveText('窗口领取');
    await expect(page.getByTestId('application-id-number')).not.toHaveText('110101199003070011');

    // 查看完整信息 (audited)
    await page.getByTestId('application-reveal').click();
    await expect(page.getByTestId('application-revealed')).toBeVisible();
    await expect(page.getByTestId('application-id-number')).toHaveText('110101199003070011');
    await expect(page.getByTestId('application-phone')).toHaveText('13812345678');
    const dueOn = (await page.getByTestId('application-due-on').textContent())?.trim() ?? '';
    expect(dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(dueOn > countyToday()).toBe(true);

    // 收件清单: the ID card received as an original
    await page.getByTestId('notice-link-checklist').click();
    await expect(page.getByTestId('notice-title')).toHaveText('收件清单');
    await expect(page.getByTestId('notice-material')).toHaveText(['居民身份证原件1必要']);
    await page.goBack();

    // 受理回执: printable, with the centre, the item, the masked applicant, the promised days and the due date
    await page.getByTestId('application-receipt-link').click();
    await expect(page).toHaveURL(new RegExp(`/services/applications/${registeredId}/receipt$`));
    const receipt = page.getByTestId('receipt');
    await expect(receipt.getByTestId('receipt-title')).toHaveText('受理回执');
    await expect(receipt.getByTestId('receipt-item')).toContainText(itemName);
    await expect(receipt.getByTestId('receipt-number')).toHaveText(/^\d{4}-\d{4}-\d{6}$/);
    await expect(receipt.getByTestId('receipt-qr').locator('svg')).toHaveAttribute('data-value', /channel=qr/);
    await expect(receipt.getByTestId('receipt-id-number')).not.toHaveText('110101199003070011');
    await expect(receipt.getByTestId('receipt-promised-days')).toHaveText('3 个工作日');
    await expect(receipt.getByTestId('receipt-due-on')).toHaveAttribute('data-due-on', dueOn);
    const [y, m, d] = dueOn.split('-').map(Number);
    await expect(receipt.getByTestId('receipt-due-on')).toHaveText(`${y}年${m}月${d}日`);
    await expect(receipt.getByTestId('receipt-consult')).toContainText('0371-12345678');
    await expect(receipt.getByTestId('receipt-materials')).toHaveText('居民身份证（原件，1 份）');
    await expect(page.getByTestId('receipt-print')).toBeVisible();
    // in print, only the receipt: the header, the menu and the buttons are hidden
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByTestId('receipt-print')).toBeHidden();
    await expect(page.getByTestId('sider')).toBeHidden();
    await expect(receipt.getByTestId('receipt-due-on')).toBeVisible();
    await page.emulateMedia({ media: 'screen' });
  });

  test('the list finds it by applicant, highlights deadlines and exports through the session', async ({ page }) => {
    await loginViaUi(page, 't01_window');
    await page.getByTestId('menu-service-applications').click();
    await expect(page).toHaveURL(/\/services\/applications$/);
    const search = page.getByTestId('applications-applicant-filter').locator('input');
    await search.fill(`张测${stamp}`);
    await search.press('Enter');
    await expect(page).toHaveURL(new RegExp(`applicant=`));
    const row = page.locator(`[data-testid="application-row"][data-id="${registeredId}"]`);
    await expect(row).toBeVisible();
    await expect(row).toHaveAttribute('data-state', 'delivered');
    await expect(row).toHaveAttribute('data-deadline', 'none');
    await expect(page.getByTestId('application-row')).toHaveCount(1);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('applications-export-csv').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = await readFile((await download.path())!, 'utf-8');
    expect(csv).toContain(registeredId);
    expect(csv).toContain(`张测${stamp}`);
    expect(csv).not.toContain('110101199003070011'); // masked in exports
  });

  test('v0101_agent registers for a villager and forwards; t01_window finds it in its list', async ({ page }) => {
    await loginViaUi(page, 'v0101_agent');
    await expect(page.getByTestId('menu-service-workbench')).toHaveCount(0);
    await page.getByTestId('menu-service-agent').click();
    await expect(page).toHaveURL(/\/services\/agent$/);
    await expect(page.getByTestId('register-channel-fixed')).toHaveText('村代办点（代办）');

    await register(page, code, villager);
    const current = page.getByTestId('current-application');
    await expect(current.getByTestId('current-applicant')).toHaveText(villager);
    const id = (await current.getAttribute('data-id')) ?? '';
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    // a township-level item is only forwarded from a village point
    await expect(current.locator('[data-testid^="application-action-"]')).toHaveCount(1);
    await actionStep(page, 'application', 'forward', async (modal) => {
      await expect(modal.getByTestId('application-forward-hint')).toBeVisible();
      await modal.getByTestId('action-note').fill('材料已收齐');
    });
    await expect(current.getByTestId('application-no-actions')).toBeVisible();
    const mine = page.getByTestId('agent-table').locator(`[data-testid="application-row"][data-id="${id}"]`);
    await expect(mine).toBeVisible();
    await expect(mine.getByTestId('application-forwarded')).toBeVisible();
    await logoutViaUi(page);

    await loginViaUi(page, 't01_window');
    await page.getByTestId('menu-service-applications').click();
    const search = page.getByTestId('applications-applicant-filter').locator('input');
    await search.fill(villager);
    await search.press('Enter');
    const row = page.locator(`[data-testid="application-row"][data-id="${id}"]`);
    await expect(row).toBeVisible();
    await expect(row).toHaveAttribute('data-state', 'received');
    await expect(row.getByTestId('application-forwarded')).toBeVisible();
    await row.getByTestId('application-link').click();
    await expect(page).toHaveURL(new RegExp(`/services/applications/${id}$`));
    await expect(page.getByTestId('application-forwarded')).toBeVisible();
    await expect(page.getByTestId('application-action-accept')).toBeVisible();
    const events = page.getByTestId('application-timeline').getByTestId('application-event');
    await expect(events).toHaveCount(2);
    await expect(events.nth(1)).toHaveAttribute('data-action', 'forward');
    await expect(events.nth(1)).toContainText('材料已收齐');
  });
});
