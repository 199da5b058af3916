import { expect, test, type Locator, type Page } from '@playwright/test';
import type { Region, TownshipList } from '../src/lib/api/types';
import { apiAs, BASE_URL, countyToday, escapeRegExp, fillDate, loginViaUi, pickOption, searchAndPick, waitForModal } from './helpers';

async function townshipsOfCounty(): Promise<Region[]> {
  const admin = await apiAs('admin');
  const county = await admin.rootRegion();
  const townships = await admin.children(county.id);
  await admin.dispose();
  return townships;
}

function entryRow(page: Page, code: string): Locator {
  return page.locator(`[data-testid="entry-row"][data-code="${code}"]`);
}

// One item goes through the whole story: created, revised, assigned, published, seen by the public.
test.describe.serial('权责清单', () => {
  // long stories through big lists (a township list has ~150 rows): more room than the default minute on a busy machine
  test.describe.configure({ timeout: 120_000 });
  // A code unique per run: CF + the last 8 digits of the clock.
  const stamp = String(Date.now()).slice(-8);
  const code = `CF${stamp}`;
  const name = `对E2E测试违法行为的行政处罚${stamp}`;
  const revisedName = `${name}（修订）`;
  const revisionDate = countyToday(30);

  test('bianban creates an item, finds it in the catalogue, revises it and compares the versions', async ({ page }) => {
    await loginViaUi(page, 'bianban');
    await page.getByTestId('menu-power-items').click();
    await expect(page).toHaveURL(/\/power-lists\/items$/);
    await expect(page.getByTestId('items-table')).toBeVisible();

    // 新增事项
    await page.getByTestId('item-create').click();
    const modal = page.getByTestId('item-create-modal');
    await waitForModal(modal);
    await modal.getByTestId('item-form-code').fill(code);
    await modal.getByTestId('item-form-name').fill(name);
    await pickOption(page, modal.getByTestId('item-form-type'), '.ant-select-item-option', '行政处罚');
    await pickOption(page, modal.getByTestId('item-form-domain'), '.ant-select-item-option', '城市管理');
    await searchAndPick(page, modal.getByTestId('item-form-department'), '县城市管理局');
    await modal.getByTestId('legal-basis-law-0').fill('《中华人民共和国行政处罚法》');
    await modal.getByTestId('legal-basis-article-0').fill('第二十四条');
    await modal.getByTestId('legal-basis-text-0').fill('可以交由乡镇人民政府行使。');
    await expect(modal.getByTestId('item-form-effective-from')).toHaveValue(countyToday());
    await page.getByTestId('item-form-submit').click();
    await expect(modal.getByTestId('item-form-code')).toBeHidden();

    // …listed in the catalogue, found by its code
    await expect(page).toHaveURL(new RegExp(`q=${code}`));
    const row = page.getByTestId('items-table').locator('tr', { has: page.getByTestId('item-code').filter({ hasText: code }) });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(name);
    await expect(row).toContainText('城市管理');
    await expect(row).toContainText('县城市管理局');
    await expect(row.getByTestId('item-version')).toHaveText('v1');

    // 修订: a new version from a later date
    await row.getByTestId('item-code').click();
    await expect(page).toHaveURL(/\/power-lists\/items\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('item-title')).toContainText(code);
    await expect(page.getByTestId('version-item')).toHaveCount(1);
    await page.getByTestId('item-revise').click();
    const revise = page.getByTestId('item-revise-modal');
    await waitForModal(revise);
    await expect(revise.getByTestId('item-form-name')).toHaveValue(name);
    await revise.getByTestId('item-form-name').fill(revisedName);
    await fillDate(revise.getByTestId('item-form-effective-from'), revisionDate);
    await revise.getByTestId('item-form-change-note').fill('E2E 修订：调整事项名称');
    await page.getByTestId('revise-submit').click();
    await expect(revise.getByTestId('item-form-name')).toBeHidden();

    // two versions; today v1 is in force, v2 is planned
    const versions = page.getByTestId('version-item');
    await expect(versions).toHaveCount(2);
    await expect(page.locator('[data-testid="version-item"][data-version="1"]')).toHaveAttribute('data-state', 'inForce');
    await expect(page.locator('[data-testid="version-item"][data-version="2"]')).toHaveAttribute('data-state', 'planned');
    await expect(page.getByTestId('item-current-version')).toHaveText('v1');

    // the diff v1 → v2: the name changed, the domain did not
    const diff = page.getByTestId('version-diff');
    await expect(diff.getByTestId('diff-from')).toContainText('v1');
    await expect(diff.getByTestId('diff-to')).toContainText('v2');
    const nameRow = diff.locator('[data-testid="diff-row"][data-field="name"]');
    await expect(nameRow).toHaveAttribute('data-changed', 'true');
    await expect(nameRow).toContainText(name);
    await expect(nameRow).toContainText(revisedName);
    await expect(diff.locator('[data-testid="diff-row"][data-field="domain"]')).toHaveAttribute('data-changed', 'false');
    await expect(diff.locator('[data-testid="diff-row"][data-field="effectiveFrom"]')).toContainText(revisionDate);

    // as of the revision date, v2 is the version in force
    await fillDate(page.getByTestId('item-as-of'), revisionDate);
    await expect(page).toHaveURL(new RegExp(`asOf=${revisionDate}`));
    await expect(page.getByTestId('item-current-version')).toHaveText('v2');
    await expect(page.getByTestId('item-current-name')).toHaveText(revisedName);
  });

  test('bianban assigns the item to 城关镇 and 河口镇, publishes 城关镇, and the public finds it without logging in', async ({
    page,
    browser,
  }) => {
    const townships = await townshipsOfCounty();
    const chengguan = townships.find((r) => r.name === '城关镇')!;
    const hekou = townships.find((r) => r.name === '河口镇')!;
    expect(chengguan && hekou, '城关镇 and 河口镇 in the demo county').toBeTruthy();

    await loginViaUi(page, 'bianban');
    await page.getByTestId('menu-power-townships').click();
    await page.locator('[data-testid="township-link"][data-township="城关镇"]').click();
    await expect(page).toHaveURL(new RegExp(`/power-lists/townships/${chengguan.id}$`));
    await expect(page.getByTestId('township-title')).toContainText('城关镇');

    // 分配事项: 法定 / 基本履职事项 from today, to both townships
    await page.getByTestId('township-assign').click();
    const modal = page.getByTestId('assign-modal');
    await waitForModal(modal);
    const items = modal.getByTestId('assign-items');
    await searchAndPick(page, items, code);
    const townshipSelect = modal.getByTestId('assign-townships');
    await expect(townshipSelect).toContainText('城关镇');
    await searchAndPick(page, townshipSelect, '河口镇');
    await expect(townshipSelect).toContainText('河口镇');
    await expect(modal.getByTestId('assign-mode').locator('.ant-radio-button-wrapper-checked')).toHaveText('法定');
    await expect(modal.getByTestId('assign-list-kind').locator('.ant-radio-button-wrapper-checked')).toHaveText('基本履职事项');
    await expect(modal.getByTestId('assign-effective-from')).toHaveValue(countyToday());
    await page.getByTestId('assign-submit').click();
    await expect(modal.getByTestId('assign-items')).toBeHidden();

    const row = entryRow(page, code);
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(name);
    await expect(row.getByTestId('entry-mode')).toHaveText('法定');
    await expect(row.locator('xpath=ancestor::section[@data-testid="entries-group"]')).toHaveAttribute('data-list-kind', 'basic');
    await expect(row.getByTestId('entry-unpublished')).toBeVisible();

    // The same item again over the same period: refused, and the overlap is named
    await page.getByTestId('township-assign').click();
    await waitForModal(modal);
    await searchAndPick(page, items, code);
    await page.getByTestId('assign-submit').click();
    const overlap = modal.getByTestId('assign-overlap');
    await expect(overlap).toBeVisible();
    await expect(overlap.getByTestId('assign-overlap-list')).toContainText(`城关镇 ${code}`);
    await modal.locator('.ant-modal-footer').getByRole('button', { name: /取\s*消/ }).click();
    await expect(overlap).toBeHidden();

    // 河口镇 has it too
    const bianban = await apiAs('bianban');
    const hekouList = await bianban.get<TownshipList>(`/api/v1/power-lists/townships/${hekou.id}/entries`);
    expect(hekouList.entries.find((e) => e.code === code)).toMatchObject({ mode: 'statutory', listKind: 'basic', publishedAt: null });
    await bianban.dispose();

    // 公布
    await page.getByTestId('township-publish').click();
    await page.getByTestId('publish-confirm').click();
    await expect(row.getByTestId('entry-published')).toBeVisible();

    // An anonymous visitor: the public index and the published list of 城关镇
    const anonymous = await browser.newContext({ baseURL: BASE_URL, timezoneId: 'Asia/Shanghai' });
    const visitor = await anonymous.newPage();
    await visitor.goto('/public/power-lists');
    await expect(visitor.getByTestId('public-layout')).toBeVisible();
    await visitor.locator('[data-testid="public-township-link"][data-township="城关镇"]').click();
    await expect(visitor).toHaveURL(new RegExp(`/public/power-lists/${chengguan.id}$`));
    await expect(visitor.getByTestId('public-list-title')).toContainText('城关镇');
    const published = entryRow(visitor, code);
    await expect(published).toHaveCount(1);
    await expect(published).toContainText(name);
    // the change history lists the item as taken in (调入)
    await expect(visitor.getByTestId('public-history').getByTestId('public-history-row').filter({ hasText: code }).first())
      .toHaveAttribute('data-change', 'added');
    await expect(visitor).not.toHaveURL(/\/login/);
    await expect(visitor.getByTestId('current-user')).toHaveCount(0);
    await anonymous.close();
  });
});

test("a township leader gets 'not found or no access' for another township's list", async ({ page }) => {
  const townships = await townshipsOfCounty();
  const chengguan = townships.find((r) => r.name === '城关镇')!;

  await loginViaUi(page, 't02_leader');
  const own = (await page.getByTestId('current-user-region').textContent())?.trim() ?? '';
  expect(own).not.toBe('城关镇');

  await page.goto(`/power-lists/townships/${chengguan.id}`);
  const result = page.getByTestId('not-found');
  await expect(result).toBeVisible();
  await expect(result).toContainText('记录不存在或无权访问');
  await expect(page.getByTestId('township-title')).toHaveCount(0);

  // The menu entry goes straight to their own township's list
  await page.getByTestId('menu-power-townships').click();
  await expect(page.getByTestId('township-title')).toContainText(own);
  await expect(page.getByTestId('township-assign')).toHaveCount(0);
  await expect(page.getByTestId('township-publish')).toHaveCount(0);
});

test('bianban filters the agreements to 即将到期 and sees the expiring ones highlighted', async ({ page }) => {
  await loginViaUi(page, 'bianban');
  await page.getByTestId('menu-power-agreements').click();
  await expect(page.getByTestId('agreements-table')).toBeVisible();

  const filtered = page.waitForResponse((r) => r.url().includes('/api/v1/power-lists/agreements?') && r.url().includes('status=expiring'));
  await page.getByTestId('status-filter-expiring').click();
  await expect(page).toHaveURL(/status=expiring/);
  expect((await filtered).ok()).toBe(true);
  // every row shown is expiring, and there is at least one (the market regulator's agreements end within weeks)
  const expiring = page.locator('[data-testid="agreement-row"][data-status="expiring"]');
  await expect(expiring).not.toHaveCount(0);
  await expect(page.locator('[data-testid="agreement-row"]:not([data-status="expiring"])')).toHaveCount(0);
  const first = expiring.first();
  await expect(first).toHaveClass(/pl-row-expiring/);
  await expect(first.getByTestId('agreement-status')).toHaveText('即将到期');
  await expect(first.getByTestId('agreement-days')).toHaveText(/^剩 \d+ 天$/);
  await expect(first).toContainText('县市场监督管理局');

  // …and its detail lists the entrusted items
  const doc = (await first.getByTestId('agreement-doc').textContent())?.trim() ?? '';
  await first.getByTestId('agreement-doc').click();
  await expect(page.getByTestId('agreement-title')).toHaveText(new RegExp(`^${escapeRegExp(doc)}$`));
  await expect(page.getByTestId('agreement-items').locator('tbody tr.ant-table-row').first()).toBeVisible();
});
