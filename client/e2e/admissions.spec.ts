import { expect, test } from '@playwright/test';
import type { PowerDomain, PowerItemDetail, Page as ApiPage, PowerItemVersion, Unit } from '../src/lib/api/types';
import { apiAs, BASE_URL, countyToday, loginViaUi, searchAndPick, waitForModal } from './helpers';

/** The catalogue header as the export writes it (the import takes the same columns). */
const CSV_HEADER = '基本编码,事项名称,权力类型,执法领域,实施主体,监管单位,设定依据,条款,依据内容,责任事项,追责情形,生效日期,变更说明';

// 职责准入: 县市场监管局 asks to hand a new item of its own to 城关镇 and 河口镇; 编办 forwards; 县领导 approves;
// the public list of 城关镇 shows it and the township's leader is told.
test.describe.serial('职责准入', () => {
  test.describe.configure({ timeout: 120_000 });
  const stamp = String(Date.now()).slice(-8);
  const code = `JC${stamp}`;
  const name = `对E2E准入测试事项的行政检查${stamp}`;
  const today = countyToday();
  let admissionId = '';

  test.beforeAll(async () => {
    // a 市场监管 item not delegated anywhere yet: created fresh by 编办 (the catalogue keeper)
    const bianban = await apiAs('bianban');
    const county = await bianban.rootRegion();
    const units = await bianban.get<ApiPage<Unit>>(
      `/api/v1/organization/units?regionId=${county.id}&kind=county_department&q=${encodeURIComponent('市场监督')}`,
    );
    const scjg = units.items.find((u) => u.name === '县市场监督管理局')!;
    const domains = await bianban.get<PowerDomain[]>('/api/v1/power-lists/domains');
    const sc = domains.find((d) => d.name === '市场监管')!;
    const res = await bianban.ctx.post('/api/v1/power-lists/items', {
      headers: { 'X-CSRF-Token': bianban.csrf },
      data: {
        code,
        name,
        type: 'JC',
        domainCode: sc.code,
        legalBasis: [{ law: '《中华人民共和国行政处罚法》', article: '第二十四条', text: '可以交由乡镇人民政府行使。' }],
        departmentId: scjg.id,
        supervisorId: null,
        responsibilities: ['检查责任'],
        accountabilities: ['滥用职权'],
        effectiveFrom: today,
        changeNote: '首次公布',
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    expect(((await res.json()) as PowerItemDetail).versions[0]?.code).toBe(code);
    await bianban.dispose();
  });

  test('dept_scjg submits an admission request for 城关镇 and 河口镇 effective today', async ({ page }) => {
    await loginViaUi(page, 'dept_scjg');
    await page.getByTestId('menu-power-admissions').click();
    await expect(page).toHaveURL(/\/power-lists\/admissions$/);
    await expect(page.getByTestId('admissions-table')).toBeVisible();

    await page.getByTestId('admission-create').click();
    const modal = page.getByTestId('admission-form-modal');
    await waitForModal(modal);
    await searchAndPick(page, modal.getByTestId('admission-form-item'), code);
    const townships = modal.getByTestId('admission-form-townships');
    await searchAndPick(page, townships, '城关镇');
    await searchAndPick(page, townships, '河口镇');
    await page.keyboard.press('Escape');
    await expect(modal.getByTestId('admission-form-effective-from')).toHaveValue(today);
    await modal.getByTestId('admission-form-legal-basis').fill('《中华人民共和国行政处罚法》第二十四条');
    await modal.getByTestId('admission-form-reason').fill('两镇已配备市场监管专职人员，具备承接能力。');
    await modal.getByTestId('admission-form-posts').fill('2');
    await modal.getByTestId('admission-form-funds').fill('10');
    await modal.getByTestId('admission-form-submit').click();

    await expect(page).toHaveURL(/\/power-lists\/admissions\/[0-9a-f-]{36}$/);
    admissionId = page.url().split('/').pop()!;
    await expect(page.getByTestId('admission-title')).toContainText(code);
    await expect(page.getByTestId('admission-state')).toHaveAttribute('data-state', 'submitted');
    await expect(page.getByTestId('admission-townships')).toContainText('城关镇');
    await expect(page.getByTestId('admission-townships')).toContainText('河口镇');
    await expect(page.getByTestId('admission-resources')).toContainText('2');
    // the submitter may not review its own request
    await expect(page.locator('[data-testid^="admission-action-"]')).toHaveCount(0);
  });

  test('bianban forwards it to the county leader', async ({ page }) => {
    expect(admissionId).not.toBe('');
    await loginViaUi(page, 'bianban');
    await page.goto(`/power-lists/admissions?state=submitted`);
    await page.locator(`[data-testid="admission-row"][data-code="${code}"]`).getByTestId('admission-link').click();
    await expect(page).toHaveURL(new RegExp(`/power-lists/admissions/${admissionId}$`));
    await expect(page.getByTestId('admission-action-return')).toBeVisible();
    await expect(page.getByTestId('admission-action-approve')).toHaveCount(0);
    await page.getByTestId('admission-action-forward').click();
    const modal = page.getByTestId('admission-action-modal');
    await waitForModal(modal);
    await modal.getByTestId('admission-action-comment').fill('材料齐全，报县领导决定。');
    await modal.getByTestId('admission-action-submit').click();
    await expect(page.getByTestId('admission-state')).toHaveAttribute('data-state', 'under_decision');
    await expect(page.locator('[data-testid="admission-event"][data-action="forward"]')).toContainText('材料齐全');
    await expect(page.locator('[data-testid^="admission-action-"]')).toHaveCount(0);
  });

  test('leader approves it', async ({ page }) => {
    await loginViaUi(page, 'leader');
    await page.goto(`/power-lists/admissions/${admissionId}`);
    await expect(page.getByTestId('admission-state')).toHaveAttribute('data-state', 'under_decision');
    await page.getByTestId('admission-action-approve').click();
    const modal = page.getByTestId('admission-action-modal');
    await waitForModal(modal);
    await expect(modal.getByTestId('admission-action-decision-no')).toHaveCount(0); // statutory: no decision number
    await modal.getByTestId('admission-action-submit').click();
    await expect(page.getByTestId('admission-state')).toHaveAttribute('data-state', 'approved');
    await expect(page.locator('[data-testid="admission-event"][data-action="approve"]')).toBeVisible();
  });

  test('the public list of 城关镇 shows the item without a login', async ({ browser }) => {
    const admin = await apiAs('admin');
    const county = await admin.rootRegion();
    const chengguan = (await admin.children(county.id)).find((r) => r.name === '城关镇')!;
    await admin.dispose();
    const anonymous = await browser.newContext({ baseURL: BASE_URL, timezoneId: 'Asia/Shanghai' });
    const visitor = await anonymous.newPage();
    await visitor.goto(`/public/power-lists/${chengguan.id}`);
    await expect(visitor.getByTestId('public-list-title')).toContainText('城关镇');
    const row = visitor.locator(`[data-testid="entry-row"][data-code="${code}"]`);
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(name);
    await expect(visitor).not.toHaveURL(/\/login/);
    await anonymous.close();
  });

  test("t01_leader (城关镇) is notified and opens the request from the bell", async ({ page }) => {
    await loginViaUi(page, 't01_leader');
    await expect(page.getByTestId('notice-badge')).not.toHaveAttribute('data-count', '0');
    await page.getByTestId('notice-bell').click();
    const notice = page.getByTestId('notice-item').filter({ hasText: name }).filter({ hasText: '批准' }).first();
    await expect(notice).toBeVisible();
    await expect(notice).toHaveAttribute('data-read', 'false');
    await notice.click();
    await expect(page).toHaveURL(new RegExp(`/power-lists/admissions/${admissionId}$`));
    await expect(page.getByTestId('admission-state')).toHaveAttribute('data-state', 'approved');
    // anyone who can see it may comment
    await page.getByTestId('admission-comment').fill('城关镇已做好承接准备。');
    await page.getByTestId('admission-comment-submit').click();
    await expect(page.getByTestId('admission-timeline')).toContainText('城关镇已做好承接准备。');
  });
});

test('catalogue import: a file with a bad row is reported and nothing is imported', async ({ page }) => {
  const stamp = String(Date.now()).slice(-8);
  const goodCode = `JC${stamp}`;
  const csv = [
    CSV_HEADER,
    `${goodCode},E2E导入事项${stamp},行政检查,市场监管,县市场监督管理局,县市场监督管理局,《中华人民共和国行政处罚法》,第二十四条,可以交由乡镇行使。,检查责任,滥用职权,${countyToday()},导入`,
    `BAD${stamp},坏行,不存在的类型,市场监管,县市场监督管理局,县市场监督管理局,《法》,第一条,x,检查责任,滥用职权,2026-13-40,导入`,
  ].join('\n');

  await loginViaUi(page, 'bianban');
  await page.goto('/power-lists/items');
  await expect(page.getByTestId('items-export-csv')).toHaveAttribute('href', /\/api\/v1\/power-lists\/items\/export\?format=csv/);
  await page.getByTestId('items-import').click();
  const modal = page.getByTestId('import-modal');
  await waitForModal(modal);
  await modal.locator('input[type=file]').setInputFiles({ name: 'items.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf-8') });
  await expect(modal.getByTestId('import-report')).toBeVisible();
  const bad = modal.locator('[data-testid="import-report-row"][data-row="3"]');
  await expect(bad.first()).toBeVisible();
  await expect(modal.locator('[data-testid="import-report-row"][data-row="2"]')).toHaveCount(0);
  await expect(modal.getByTestId('import-confirm')).toBeDisabled();
  await expect(modal.getByTestId('import-dry-run-result')).toHaveCount(0);

  // all or nothing: the good row was not imported either
  const bianban = await apiAs('bianban');
  const found = await bianban.get<ApiPage<PowerItemVersion>>(`/api/v1/power-lists/items?q=${goodCode}`);
  expect(found.items).toHaveLength(0);
  await bianban.dispose();
});
