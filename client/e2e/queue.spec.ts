import { expect, test, type Page } from '@playwright/test';
import type { Centre, CentreDetail, Page as ListPage, Ticket } from '../src/lib/api/types';
import {
  apiAs,
  BASE_URL,
  countyToday,
  loginViaUi,
  pickOption,
  publishedServiceItem,
  searchAndPick,
  waitForModal,
  type ApiSession,
} from './helpers';

async function post(session: ApiSession, path: string, data?: unknown) {
  return session.ctx.post(path, { headers: { 'X-CSRF-Token': session.csrf }, data });
}

/** 办结 a called or served ticket through the API, based on its version (If-Match). */
async function finish(session: ApiSession, ticket: Pick<Ticket, 'id' | 'version'>) {
  const res = await session.ctx.post(`/api/v1/service-centre/tickets/${ticket.id}/done`, {
    headers: { 'X-CSRF-Token': session.csrf, 'If-Match': `"v${ticket.version}"` },
  });
  expect(res.status(), await res.text()).toBe(200);
}

/** The centre of a region, if the network has one (the list holds few: the scope of one user). */
async function centreOf(session: ApiSession, regionId: string): Promise<Centre | undefined> {
  const page = await session.get<ListPage<Centre>>('/api/v1/service-centre/centres?limit=200');
  return page.items.find((c) => c.regionId === regionId);
}

/** Takes a ticket on the public take page and returns its number and how many waited ahead. */
async function takeTicket(visitor: Page): Promise<{ display: string; ahead: number }> {
  await visitor.getByTestId('take-general').click();
  const card = visitor.getByTestId('take-ticket');
  await expect(card).toBeVisible();
  const display = (await card.getAttribute('data-display')) ?? '';
  expect(display).toMatch(/^A\d{3,}$/);
  await expect(visitor.getByTestId('take-ticket-number')).toHaveText(display);
  const ahead = Number(await visitor.getByTestId('take-ahead').getAttribute('data-count'));
  await visitor.getByTestId('take-done').click();
  await expect(card).toBeHidden();
  return { display, ahead };
}

// 排队叫号: the county's service administration sets up 城关镇's centre (created once, if the demo data has none), adds a
// window and offers an item; two visitors take tickets without logging in; the township's window clerk calls the first,
// serves and completes it, while the public hall display shows the call at that window.
test.describe.serial('排队叫号', () => {
  test.describe.configure({ timeout: 120_000 });
  const stamp = String(Date.now()).slice(-8);
  const itemCode = `E2E-PD-${stamp}`;
  const itemName = `E2E叫号测试事项${stamp}`;
  const windowName = `E2E综合窗口${stamp}`;
  let townshipId = '';
  let townshipName = '';
  let countyId = '';
  let centreId = '';
  let windowNumber = 0;
  let first = { display: '', ahead: 0 };
  let second = { display: '', ahead: 0 };

  test.beforeAll(async () => {
    const clerk = await apiAs('t01_window');
    townshipId = clerk.me.regionId;
    townshipName = clerk.me.regionName;
    await clerk.dispose();
    // a published item of the county catalogue for the centre to offer
    const zwfw = await apiAs('zwfw');
    countyId = zwfw.me.regionId;
    await publishedServiceItem(zwfw, {
      code: itemCode,
      name: itemName,
      level: 'township',
      kind: 'immediate',
      legalBasis: '《社会保险经办条例》',
      conditions: '本县户籍居民',
      materials: [{ name: '居民身份证', form: 'original', copies: 1, required: true }],
      statutoryDays: 5,
      promisedDays: null,
      steps: ['受理', '办结'],
      phone: '0371-12345678',
      channels: ['window'],
      effectiveFrom: countyToday(),
      changeNote: '新增',
    });
    await zwfw.dispose();
  });

  test('zwfw sets up the centre of 城关镇: creates it if needed, adds a window, offers an item', async ({ page }) => {
    const zwfw = await apiAs('zwfw');
    const existing = await centreOf(zwfw, townshipId);
    await zwfw.dispose();

    await loginViaUi(page, 'zwfw');
    await page.getByTestId('menu-service-centres').click();
    await expect(page).toHaveURL(/\/services\/centres$/);
    await expect(page.getByTestId('centres-table')).toBeVisible();

    if (!existing) {
      await page.getByTestId('centre-create').click();
      const modal = page.getByTestId('centre-create-modal');
      await waitForModal(modal);
      // the township under the county (the root of zwfw's tree): open the picker, expand the county, pick it
      const select = modal.getByTestId('centre-form-region');
      await expect(async () => {
        const dropdown = page.locator('.ant-select-dropdown:visible:not([class*="-leave"])');
        if ((await dropdown.count()) === 0) await select.click();
        await expect(dropdown).toHaveCount(1, { timeout: 2_000 });
        const node = dropdown.locator('[role="treeitem"] .ant-select-tree-node-content-wrapper', {
          hasText: townshipName,
        });
        if ((await node.count()) === 0)
          await dropdown.locator('[role="treeitem"] .ant-select-tree-switcher').first().click({ timeout: 2_000 });
        await node.first().click({ timeout: 3_000 });
        await expect(select).toContainText(townshipName, { timeout: 2_000 });
      }).toPass({ timeout: 30_000 });
      await modal.getByTestId('centre-form-name').fill(`${townshipName}便民服务中心`);
      await modal.getByTestId('centre-form-address').fill('政府路 1 号');
      await modal.getByTestId('centre-form-hours').fill('周一至周五 8:30–17:30');
      await page.getByTestId('centre-form-submit').click();
      await expect(page).toHaveURL(/\/services\/centres\/[0-9a-f-]{36}$/);
    } else {
      await page.getByTestId('tier-filter-township').click();
      await expect(page).toHaveURL(/tier=township/);
      await page.locator(`[data-testid="centre-row"][data-id="${existing.id}"]`).getByTestId('centre-link').click();
    }
    await expect(page.getByTestId('centre-title')).toContainText(townshipName);
    centreId = page.url().split('/').pop() ?? '';
    expect(centreId).toMatch(/^[0-9a-f-]{36}$/);

    // 新增窗口: the form proposes the next free number; no items makes it a general window
    const form = page.getByTestId('window-form');
    const numberInput = form.getByTestId('window-form-number');
    await expect(numberInput).not.toHaveValue('');
    windowNumber = Number(await numberInput.inputValue());
    expect(windowNumber).toBeGreaterThan(0);
    await form.getByTestId('window-form-name').fill(windowName);
    await form.getByTestId('window-form-submit').click();
    const row = page.locator(`[data-testid="window-row"][data-number="${windowNumber}"]`);
    await expect(row).toContainText(windowName);
    await expect(row).toContainText('综合窗口（全部事项）');
    await expect(numberInput).toHaveValue(String(windowNumber + 1));

    // 事项进驻: find the new item among the county's items, move it over, save
    await page.getByTestId('offered-items-edit').click();
    const editor = page.getByTestId('offered-items-editor');
    await editor.getByPlaceholder('按编码或名称查找').first().fill(itemCode);
    await editor.locator(`[data-testid="transfer-item"][data-code="${itemCode}"]`).click();
    await editor.getByTestId('offered-items-add').click();
    await editor.getByTestId('offered-items-save').click();
    await expect(page.getByTestId('offered-items-editor')).toBeHidden();
    await expect(page.locator(`[data-testid="offered-item-row"][data-code="${itemCode}"]`)).toContainText(itemName);
  });

  test('visitors take two tickets without logging in; the county lists the centre publicly', async ({ browser }) => {
    // today's earlier tickets of this centre (another run) are called and finished first, so the next call is ours
    const clerk = await apiAs('t01_window');
    const detail = await clerk.get<CentreDetail>(`/api/v1/service-centre/centres/${centreId}`);
    const windowId = detail.windows.find((w) => w.number === windowNumber)!.id;
    for (const t of await clerk.get<Ticket[]>(`/api/v1/service-centre/centres/${centreId}/tickets`)) {
      if (t.state === 'called' || t.state === 'serving') await finish(clerk, t);
    }
    for (let i = 0; i < 200; i++) {
      const called = await post(clerk, `/api/v1/service-centre/centres/${centreId}/windows/${windowId}/call`);
      if (called.status() === 409) break;
      expect(called.status(), await called.text()).toBe(200);
      const ticket = (await called.json()) as Ticket;
      expect(called.headers()['etag']).toBe(`"v${ticket.version}"`);
      await finish(clerk, ticket);
    }
    await clerk.dispose();

    const anonymous = await browser.newContext({ baseURL: BASE_URL, timezoneId: 'Asia/Shanghai' });
    const visitor = await anonymous.newPage();
    await visitor.goto(`/public/centres/${countyId}`);
    await expect(visitor.getByTestId('public-layout')).toBeVisible();
    const card = visitor.locator(`[data-testid="public-centre"][data-id="${centreId}"]`);
    await expect(card).toBeVisible();
    // the header's 服务网点 link comes back to this county
    await visitor.getByTestId('public-menu-power-lists').click();
    await expect(visitor).toHaveURL(/\/public\/power-lists$/);
    await visitor.getByTestId('public-menu-centres').click();
    await expect(visitor).toHaveURL(new RegExp(`/public/centres/${countyId}$`));
    await card.getByTestId('public-centre-take').click();
    await expect(visitor).toHaveURL(new RegExp(`/public/queue/${centreId}/take$`));
    await expect(visitor.getByTestId('take-centre')).toContainText(townshipName);

    first = await takeTicket(visitor);
    second = await takeTicket(visitor);
    expect(first.ahead).toBe(0);
    expect(second.ahead).toBe(1);
    expect(Number(second.display.slice(1))).toBe(Number(first.display.slice(1)) + 1);
    await anonymous.close();
  });

  test('t01_window calls the first, registers their application for it, serves and completes; the hall shows it', async ({
    page,
    browser,
  }) => {
    // the hall screen, switched on before the call
    const anonymous = await browser.newContext({ baseURL: BASE_URL, timezoneId: 'Asia/Shanghai' });
    const hall = await anonymous.newPage();
    await hall.goto(`/public/queue/${centreId}`);
    await expect(hall.getByTestId('hall-display')).toBeVisible();
    await expect(hall.getByTestId('hall-centre')).toContainText(townshipName);
    await expect(hall.getByTestId('hall-waiting-count')).toHaveAttribute('data-value', '2');
    await expect(hall.getByTestId('hall-waiting')).toContainText(first.display);

    await loginViaUi(page, 't01_window');
    await page.getByTestId('menu-service-caller').click();
    await expect(page).toHaveURL(/\/services\/caller$/);
    await expect(page.getByTestId('caller-centre')).toContainText(townshipName);
    await pickOption(
      page,
      page.getByTestId('caller-window'),
      '.ant-select-item-option',
      `${windowNumber} 号窗口 · ${windowName}`,
    );
    await expect(page.getByTestId('caller-window-label')).toContainText(windowName);
    await expect(page.getByTestId('caller-waiting')).toHaveAttribute('data-count', '2');
    await expect(page.getByTestId('caller-current-empty')).toBeVisible();

    await page.getByTestId('caller-call-next').click();
    const current = page.getByTestId('caller-current');
    await expect(current).toHaveAttribute('data-display', first.display);
    await expect(current).toHaveAttribute('data-state', 'called');
    await expect(page.getByTestId('caller-call-next')).toBeDisabled();

    // the hall announces it and shows it first, at this window
    await expect(hall.getByTestId('hall-announce')).toContainText(`请 ${first.display} 号到 ${windowNumber} 号窗口`);
    const newest = hall.locator('[data-testid="hall-call"][data-newest="true"]');
    await expect(newest).toHaveAttribute('data-display', first.display);
    await expect(newest).toHaveAttribute('data-window', String(windowNumber));
    await expect(newest).toContainText(windowName);
    await expect(hall.getByTestId('hall-waiting-count')).toHaveAttribute('data-value', '1');

    await page.getByTestId('ticket-action-serve').click();
    await expect(current).toHaveAttribute('data-state', 'serving');
    await expect(page.getByTestId('caller-register-link')).toHaveAttribute('href', '/services/workbench');

    // the workbench registers the visitor's application for this ticket; the receipt names the centre and the window
    await page.getByTestId('caller-register-link').click();
    await expect(page.getByTestId('register-ticket-label')).toContainText(`为排队号 ${first.display} 登记`);
    const form = page.getByTestId('register-form');
    await searchAndPick(page, form.getByTestId('register-item'), itemCode);
    await form.getByTestId('register-name').fill('叫号测试');
    await form.getByTestId('register-id-number').fill('110101199003070011');
    await form.getByTestId('register-phone').fill('13812345678');
    await form.getByTestId('register-submit').click();
    await expect(page.getByTestId('current-ticket')).toHaveText(first.display);
    const number = (await page.getByTestId('current-number').textContent()) ?? '';
    await page.getByTestId('current-receipt-link').click();
    await expect(page.getByTestId('receipt-window')).toContainText(`${windowNumber} 号窗口`);
    await expect(page.getByTestId('receipt-centre')).toContainText('中心');
    await page.getByTestId('menu-service-caller').click();
    await expect(page.getByTestId('caller-current-applications')).toHaveText(number);
    await page.getByTestId('ticket-action-done').click();
    await expect(page.getByTestId('caller-current-empty')).toBeVisible();
    await expect(page.locator(`[data-testid="ticket-row"][data-display="${first.display}"]`)).toHaveAttribute(
      'data-state',
      'done',
    );
    await expect(page.locator(`[data-testid="ticket-row"][data-display="${second.display}"]`)).toHaveAttribute(
      'data-state',
      'waiting',
    );
    await expect(page.getByTestId('caller-waiting')).toHaveAttribute('data-count', '1');

    // the window choice is remembered for the clerk, not the browser: another PC opens at it
    const otherPc = await browser.newContext({ baseURL: BASE_URL, timezoneId: 'Asia/Shanghai' });
    const elsewhere = await otherPc.newPage();
    await loginViaUi(elsewhere, 't01_window');
    await elsewhere.goto('/services/caller');
    await expect(elsewhere.getByTestId('caller-window-label')).toContainText(windowName);
    await otherPc.close();

    // the display drops the finished call; the second visitor waits on
    await expect(hall.locator(`[data-testid="hall-call"][data-display="${first.display}"]`)).toHaveCount(0);
    await expect(hall.getByTestId('hall-waiting')).toContainText(second.display);
    await anonymous.close();
  });
});
