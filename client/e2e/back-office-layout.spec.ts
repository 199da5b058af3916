import { expect, test, type ConsoleMessage, type Locator, type Page } from '@playwright/test';
import { apiAs, countyToday, loginViaUi, publishedServiceItem } from './helpers';

// The back office at two sizes. On a 390 px phone: no page scrolls sideways, the menu opens from a drawer in the
// header, and the console stays quiet. At 1366 px beside the open menu: the state tags and the 办理 buttons of the
// application lists and the tags and messages of 清单体检 are whole, not cut off by their table's own scroll.
// Signing in logs no error (no 401 from the session probe) and no react-router warning.
//
// Screenshots of the phone pages (not committed): set E2E_SCREENSHOTS to a folder, e.g.
//   E2E_SCREENSHOTS=/tmp/bo-390 E2E_BASE_URL=http://127.0.0.1:5080 npx playwright test e2e/back-office-layout.spec.ts

const PHONE = { width: 390, height: 844 };

/** The errors and warnings a page logs, from now on. */
function consoleProblems(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error' || m.type() === 'warning') seen.push(`${m.type()}: ${m.text()}`);
  });
  return seen;
}

/** A full-page screenshot when E2E_SCREENSHOTS names a folder (the command in the header). */
async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SCREENSHOTS;
  if (dir) await page.screenshot({ path: `${dir}/back-office-${name}.png`, fullPage: true });
}

/** The page never scrolls sideways (a phone browser widens its layout viewport to fit wide content). */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => Math.max(document.scrollingElement!.scrollWidth, window.innerWidth)), {
      message: `${page.url()} scrolls sideways`,
    })
    .toBeLessThanOrEqual(PHONE.width);
}

/**
 * The table cell of `content` is whole in view: not cut off by the screen nor by a scrolling box around it (a table's
 * own scroll). The page scrolls down to it first, never sideways (Playwright's own scrolling would scroll the table).
 */
async function expectWholeCell(content: Locator): Promise<void> {
  const cell = content.locator('xpath=ancestor-or-self::td[1]');
  await cell.evaluate((e) => window.scrollBy(0, e.getBoundingClientRect().top - window.innerHeight / 2));
  await expect(cell).toBeInViewport({ ratio: 1 });
}

test('visiting /login logs no error and no warning', async ({ page }) => {
  const problems = consoleProblems(page);
  await page.goto('/login');
  await expect(page.getByTestId('login-card')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(problems).toEqual([]);
});

test.describe('on a phone', () => {
  test.use({ viewport: PHONE, isMobile: true, hasTouch: true });

  test('the workbench, a KPI page and 清单体检 fit; the menu opens from the drawer', async ({ page }) => {
    const problems = consoleProblems(page);
    await loginViaUi(page, 't01_window');
    await expect(page.getByTestId('sider')).toHaveCount(0);
    await expect(page.getByTestId('logout')).toBeHidden(); // under the user button
    await expectNoSidewaysScroll(page);
    await shot(page, '01-home');

    await page.goto('/services/workbench');
    await expect(page.getByTestId('workbench-table')).toBeVisible();
    await expectNoSidewaysScroll(page);
    await shot(page, '02-workbench');

    await page.getByTestId('nav-menu-button').click();
    const drawer = page.getByTestId('nav-drawer');
    await expect(drawer.getByTestId('nav-menu')).toBeVisible();
    await shot(page, '03-drawer');
    await drawer.getByTestId('menu-power-kpis').click();
    await expect(page).toHaveURL(/\/power-lists\/kpis$/);
    await expect(drawer.getByTestId('nav-menu')).toBeHidden();
    await expect(page.getByTestId('kpis-rates').locator('canvas')).toHaveCount(1);
    await page.reload(); // a KPI page loaded afresh (react-router's first render of a lazy route)
    await expect(page.getByTestId('kpis-rates').locator('canvas')).toHaveCount(1);
    await expectNoSidewaysScroll(page);
    await shot(page, '04-power-kpis');

    await page.goto('/power-lists/health');
    await expect(page.getByTestId('health-flag').first()).toBeVisible();
    await expectNoSidewaysScroll(page);
    await shot(page, '05-power-health');

    await page.getByTestId('current-user').click();
    await expect(page.getByTestId('user-menu')).toContainText('窗口工作人员');
    await expect(page.getByTestId('logout')).toBeInViewport({ ratio: 1 });
    await shot(page, '06-user-menu');
    expect(problems).toEqual([]);
  });
});

test.describe('at 1366 px beside the menu', () => {
  test.use({ viewport: { width: 1366, height: 900 } });
  const stamp = String(Date.now()).slice(-8);

  test.beforeAll(async () => {
    // one application at the township window and one at a village point, each registered through the API
    const zwfw = await apiAs('zwfw');
    const itemId = await publishedServiceItem(zwfw, {
      code: `E2E-LY-${stamp}`,
      name: `E2E版面测试事项${stamp}`,
      level: 'township',
      kind: 'promised',
      legalBasis: '《中华人民共和国社会保险法》',
      conditions: '本县户籍居民',
      noMaterials: true,
      statutoryDays: 20,
      promisedDays: 3,
      steps: ['受理', '办结'],
      phone: '0371-12345678',
      channels: ['window', 'village_point'],
      effectiveFrom: countyToday(),
      changeNote: '新增',
    });
    await zwfw.dispose();
    for (const [username, channel] of [
      ['t01_window', 'window'],
      ['v0101_agent', 'village_point'],
    ] as const) {
      const session = await apiAs(username);
      const res = await session.ctx.post('/api/v1/service-centre/applications', {
        headers: { 'X-CSRF-Token': session.csrf },
        data: {
          itemId,
          channel,
          applicantKind: 'person',
          applicantName: `版面${stamp}`,
          applicantIdNumber: '110101199003070011',
          applicantPhone: '13812345678',
        },
      });
      expect(res.status(), await res.text()).toBe(201);
      await session.dispose();
    }
  });

  test('办件查询 and 清单体检 show their state tags and messages whole', async ({ page }) => {
    await loginViaUi(page, 't01_window');
    await page.goto('/services/applications');
    const row = page.getByTestId('application-row').first();
    await expect(row.getByTestId('application-link')).toBeVisible();
    await expectWholeCell(row.getByTestId('application-row-state'));
    await expectWholeCell(row.getByTestId('application-row-due-on'));

    await page.goto('/power-lists/health');
    const flag = page.getByTestId('health-flag').first();
    await expect(flag).toBeVisible();
    await expectWholeCell(flag.locator('.ant-tag'));
    await expectWholeCell(flag.locator('td').last()); // the message
  });

  test('村级代办: the state tags and the 办理 buttons of the recent applications are whole', async ({ page }) => {
    await loginViaUi(page, 'v0101_agent');
    await page.goto('/services/agent');
    const row = page.getByTestId('agent-table').getByTestId('application-row').first();
    await expect(row.getByTestId('application-link')).toBeVisible();
    await expectWholeCell(row.getByTestId('application-row-state'));
    await expectWholeCell(row.getByTestId('application-open'));
  });
});
