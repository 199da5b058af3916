import { expect, test } from '@playwright/test';
import { actionStep, apiAs, countyToday, loginViaUi, publishedServiceItem } from './helpers';

// 好差评 and 差评整改, 便民服务指标: a township window completes an application (set up through the API); the applicant
// rates it 不满意 on the window's pad, which opens a rectification that the township leader calls back and rectifies;
// the applicant rates it again from outside (no login) as 非常满意; the month's KPIs count it.
test.describe.serial('好差评 · 差评整改 · 服务指标', () => {
  test.describe.configure({ timeout: 120_000 });
  const stamp = String(Date.now()).slice(-8);
  const code = `E2E-PJ-${stamp}`;
  const itemName = `E2E评价测试事项${stamp}`;
  const phone = '13812345678';
  let applicationId = '';
  let applicationNumber = '';
  let rectificationId = '';

  test.beforeAll(async () => {
    // a published township-level 即办件 of the county catalogue (the county's service admin) …
    const zwfw = await apiAs('zwfw');
    const itemId = await publishedServiceItem(zwfw, {
      code,
      name: itemName,
      level: 'township',
      kind: 'immediate',
      legalBasis: '《中华人民共和国居民身份证法》',
      conditions: '本县户籍居民',
      noMaterials: true,
      statutoryDays: 20,
      promisedDays: null,
      steps: ['受理', '办结'],
      phone: '0371-12345678',
      channels: ['window'],
      effectiveFrom: countyToday(),
      changeNote: '新增',
    });
    await zwfw.dispose();

    // … which t01_window registers and completes on the spot
    const clerk = await apiAs('t01_window');
    const registered = await clerk.ctx.post('/api/v1/service-centre/applications', {
      headers: { 'X-CSRF-Token': clerk.csrf },
      data: {
        itemId,
        channel: 'window',
        applicantKind: 'person',
        applicantName: `评测${stamp}`,
        applicantIdNumber: '110101199003070011',
        applicantPhone: phone,
      },
    });
    expect(registered.status(), await registered.text()).toBe(201);
    ({ id: applicationId, number: applicationNumber } = (await registered.json()) as { id: string; number: string });
    const completed = await clerk.ctx.post(`/api/v1/service-centre/applications/${applicationId}/complete`, {
      headers: { 'X-CSRF-Token': clerk.csrf, 'If-Match': registered.headers()['etag'] ?? '"v1"' },
      data: { outcome: 'approved' },
    });
    expect(completed.status(), await completed.text()).toBe(200);
    await clerk.dispose();
  });

  test('t01_window: the applicant rates 不满意 on the pad, which opens a rectification', async ({ page }) => {
    await loginViaUi(page, 't01_window');
    await page.goto(`/services/applications/${applicationId}`);
    await expect(page.getByTestId('application-title')).toContainText(itemName);
    await expect(page.getByTestId('application-state').first()).toHaveAttribute('data-state', 'completed');
    const pad = page.getByTestId('rating-pad');
    await expect(pad).toBeVisible();
    await expect(pad.locator('[data-testid^="rating-level-"]')).toHaveCount(5);

    // a bad rating without a reason is not sent
    await pad.getByTestId('rating-level-2').click();
    await expect(pad.getByTestId('rating-level-2')).toHaveAttribute('aria-checked', 'true');
    await pad.getByTestId('rating-submit').click();
    await expect(pad).toContainText('差评请写明不满意的原因');
    await pad.getByTestId('rating-comment').fill('排队等了一个小时');
    await pad.getByTestId('rating-submit').click();

    const done = page.getByTestId('rating-pad-done');
    await expect(done).toHaveAttribute('data-level', '2');
    await expect(done).toContainText('不满意');
    const link = page.getByTestId('rating-pad-rectification');
    rectificationId = ((await link.getAttribute('href')) ?? '').split('/').pop() ?? '';
    expect(rectificationId).toMatch(/^[0-9a-f-]{36}$/);
    // the pad is gone (one window rating per application); the rating is listed with its rectification
    await expect(page.getByTestId('rating-pad')).toHaveCount(0);
    await expect(page.getByTestId('application-rating')).toHaveAttribute('data-channel', 'window');

    // 好差评 list, bad ones only
    await page.getByTestId('menu-service-ratings').click();
    await expect(page).toHaveURL(/\/services\/ratings$/);
    await page.getByTestId('ratings-bad-filter').click();
    await expect(page).toHaveURL(/bad=true/);
    const row = page.locator('[data-testid="rating-row"]', { hasText: itemName });
    await expect(row).toHaveAttribute('data-level', '2');
    await expect(row.getByTestId('rating-rectification-link')).toHaveAttribute('href', `/services/rectifications/${rectificationId}`);
  });

  test('t01_leader finds the rectification, calls back and rectifies it', async ({ page }) => {
    await loginViaUi(page, 't01_leader');
    await page.getByTestId('menu-service-rectifications').click();
    await expect(page).toHaveURL(/\/services\/rectifications$/);
    const row = page.locator(`[data-testid="rectification-row"][data-id="${rectificationId}"]`);
    await expect(row).toBeVisible();
    await expect(row).toHaveAttribute('data-state', 'open');
    await expect(row).toHaveAttribute('data-overdue', 'false');
    // the overdue switch leaves it out (due in 15 working days)
    await page.getByTestId('rectifications-overdue-filter').click();
    await expect(page).toHaveURL(/overdue=true/);
    await expect(row).toHaveCount(0);
    await page.getByTestId('rectifications-overdue-filter').click();
    await row.getByTestId('rectification-link').click();

    await expect(page).toHaveURL(new RegExp(`/services/rectifications/${rectificationId}$`));
    await expect(page.getByTestId('rectification-title')).toHaveText(itemName);
    await expect(page.getByTestId('rectification-rating-comment')).toHaveText('排队等了一个小时');
    await expect(page.getByTestId('rectification-due')).toHaveText(/^\d{4}-\d{2}-\d{2}$/);
    const actions = page.getByTestId('rectification-actions').locator('[data-testid^="rectification-action-"]');
    await expect(actions).toHaveCount(3);
    for (const [i, action] of ['callback', 'rectify', 'appeal'].entries()) {
      await expect(actions.nth(i)).toHaveAttribute('data-testid', `rectification-action-${action}`);
    }

    await actionStep(page, 'rectification', 'callback', async (modal) => {
      await modal.getByTestId('rectification-note').fill('已电话回访，向申请人致歉');
    });
    await expect(page.getByTestId('rectification-detail-state')).toHaveAttribute('data-state', 'called_back');
    await expect(page.getByTestId('rectification-callback-note')).toHaveText('已电话回访，向申请人致歉');

    await actionStep(page, 'rectification', 'rectify', async (modal) => {
      await modal.getByTestId('rectification-note').fill('高峰期加开窗口，增设引导岗');
    });
    await expect(page.getByTestId('rectification-detail-state')).toHaveAttribute('data-state', 'rectified');
    await expect(page.getByTestId('rectification-in-time')).toHaveAttribute('data-in-time', 'true');
    // now only the rater's response is possible
    await expect(actions).toHaveCount(1);
    await expect(page.getByTestId('rectification-action-respond')).toBeVisible();
    const events = page.getByTestId('rectification-timeline').getByTestId('rectification-event');
    await expect(events).toHaveCount(3);
    for (const [i, action] of ['open', 'callback', 'rectify'].entries()) {
      await expect(events.nth(i)).toHaveAttribute('data-action', action);
    }
  });

  test('the applicant rates the same application from outside, without logging in', async ({ page }) => {
    await page.goto('/public/power-lists');
    await page.getByTestId('public-rate-link').click();
    await expect(page).toHaveURL(/\/public\/rate$/);
    const form = page.getByTestId('public-rate-form');
    // the 办件编号 as the receipt prints it (the id works too)
    await form.getByTestId('public-rate-application-id').fill(applicationNumber);
    await form.getByTestId('public-rate-phone').fill('13900000000');
    await form.getByTestId('rating-level-5').click();
    await form.getByTestId('public-rate-submit').click();
    // a wrong phone is the API's plain 404, in its words
    await expect(page.getByTestId('public-rate-problem')).toContainText('办件编号或联系电话不正确');

    await form.getByTestId('public-rate-phone').fill(phone);
    await form.getByTestId('public-rate-submit').click();
    const done = page.getByTestId('public-rate-done');
    await expect(done).toHaveAttribute('data-level', '5');
    await expect(done).toContainText(itemName);
    await expect(page).toHaveURL(/\/public\/rate$/); // never sent to /login
  });

  test('t01_leader sees the month on the KPI dashboard', async ({ page }) => {
    const month = countyToday().slice(0, 7);
    await loginViaUi(page, 't01_leader');
    await page.getByTestId('menu-service-kpis').click();
    await expect(page).toHaveURL(/\/services\/kpis$/);
    const cards = page.getByTestId('service-kpis-cards');
    await expect(cards).toHaveAttribute('data-month', month);
    const received = page.getByTestId('service-kpis-card-SC_RECEIVED');
    await expect(received).toHaveAttribute('data-value', /^[1-9]\d*$/);
    const satisfaction = page.getByTestId('service-kpis-card-SC_SATISFACTION');
    await expect(satisfaction).toHaveAttribute('data-value', /^(0(\.\d+)?|1)$/);
    await expect(satisfaction).toContainText(/\d+(\.\d)?%/);
    await expect(satisfaction).toContainText('≥ 90%');

    // the open month is live; its trend and the townships compared are drawn
    const current = page.locator(`[data-testid="service-kpis-row"][data-month="${month}"]`);
    await expect(current.getByTestId('service-kpis-badge')).toHaveAttribute('data-frozen', 'false');
    await expect(page.getByTestId('service-kpis-trend-SC_SATISFACTION').locator('canvas')).toHaveCount(1);
    await expect(page.getByTestId('service-kpis-township-chart').locator('canvas')).toHaveCount(1);
    await expect(page.getByTestId('service-kpis-export-csv')).toHaveAttribute('href', /format=csv/);
    // no 修订 for a township leader, and the open month has no revisions
    await expect(page.locator('[data-testid^="service-kpis-revise-"]')).toHaveCount(0);
    await current.getByTestId(`service-kpis-revisions-${month}`).click();
    await expect(page.getByTestId('service-kpis-revisions-drawer')).toContainText('该月没有修订');
  });
});
