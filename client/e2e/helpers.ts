import { expect, request, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import type { Me, Region, ServiceItemRequest } from '../src/lib/api/types';

export const DEMO_PASSWORD = process.env.E2E_DEMO_PASSWORD ?? 'Demo@2026';
export const BASE_URL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:5080';

/** Signs in through the login form and waits for the layout. */
export async function loginViaUi(page: Page, username: string, password: string = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('current-user')).toBeVisible();
}

/** Today in the county (Asia/Shanghai), as the API counts it, plus some days. */
export function countyToday(offsetDays = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + offsetDays)).toISOString().slice(0, 10);
}

export async function logoutViaUi(page: Page): Promise<void> {
  await page.getByTestId('logout').click();
  await expect(page).toHaveURL(/\/login$/);
}

/** An API client with its own cookie jar, signed in as `username` (CSRF header taken from the cookie). */
export async function apiAs(username: string, password: string = DEMO_PASSWORD): Promise<ApiSession> {
  const ctx = await request.newContext({ baseURL: BASE_URL });
  const res = await ctx.post('/api/v1/auth/login', { data: { username, password } });
  expect(res.status(), `login ${username}: ${await res.text()}`).toBe(200);
  const me = (await res.json()) as Me;
  const state = await ctx.storageState();
  const csrf = state.cookies.find((c) => c.name === 'gov_csrf')?.value ?? '';
  return new ApiSession(ctx, me, csrf);
}

export class ApiSession {
  readonly ctx: APIRequestContext;
  readonly me: Me;
  readonly csrf: string;

  constructor(ctx: APIRequestContext, me: Me, csrf: string) {
    this.ctx = ctx;
    this.me = me;
    this.csrf = csrf;
  }

  async get<T>(path: string): Promise<T> {
    const res = await this.ctx.get(path);
    expect(res.ok(), `GET ${path}: ${res.status()} ${await res.text()}`).toBeTruthy();
    return (await res.json()) as T;
  }

  async delete(path: string): Promise<number> {
    const res = await this.ctx.delete(path, { headers: { 'X-CSRF-Token': this.csrf } });
    return res.status();
  }

  async rootRegion(): Promise<Region> {
    const roots = await this.get<Region[]>('/api/v1/organization/regions');
    expect(roots.length).toBe(1);
    return roots[0]!;
  }

  async children(parentId: string): Promise<Region[]> {
    return this.get<Region[]>(`/api/v1/organization/regions?parentId=${encodeURIComponent(parentId)}`);
  }

  async dispose(): Promise<void> {
    await this.ctx.post('/api/v1/auth/logout', { headers: { 'X-CSRF-Token': this.csrf } }).catch(() => undefined);
    await this.ctx.dispose();
  }
}

/** Creates a service item of the county catalogue (as `session`, its service admin) and publishes it; returns its id. */
export async function publishedServiceItem(session: ApiSession, guide: Partial<ServiceItemRequest>): Promise<string> {
  const created = await session.ctx.post('/api/v1/service-centre/items', { headers: { 'X-CSRF-Token': session.csrf }, data: guide });
  expect(created.status(), await created.text()).toBe(201);
  const itemId = ((await created.json()) as { versions: { itemId: string }[] }).versions[0]!.itemId;
  const published = await session.ctx.post(`/api/v1/service-centre/items/${itemId}/publish`, {
    headers: { 'X-CSRF-Token': session.csrf, 'If-Match': created.headers()['etag'] ?? '"v1"' },
  });
  expect(published.status(), await published.text()).toBe(200);
  return itemId;
}

/** A region title by its exact name (a locator relative to whatever contains it). */
function regionTitle(page: Page, name: string) {
  return page.locator('[data-testid="region-node"]', {
    has: page.locator('.region-name', { hasText: new RegExp(`^${escapeRegExp(name)}$`) }),
  });
}

/** The tree node (title) of a region in the 行政区划 tree. */
export function treeNode(page: Page, name: string) {
  return page.getByTestId('region-tree').locator(regionTitle(page, name));
}

/** Expands a node of the region tree by clicking its switcher (the caret left of the title). */
export async function expandTreeNode(page: Page, name: string): Promise<void> {
  const row = page.getByTestId('region-tree').locator('.ant-tree-treenode', { has: regionTitle(page, name) });
  await row.locator('.ant-tree-switcher').click();
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Picks an option of an antd Select/TreeSelect and returns its text. Waits for the dropdown's opening animation
 * to end first (a click while it slides in can land between mousedown and mouseup on different elements) and
 * retries until the select shows the choice.
 */
export async function pickOption(page: Page, select: Locator, optionSelector: string, preferText?: string): Promise<string> {
  let picked = '';
  await expect(async () => {
    const dropdown = page.locator('.ant-select-dropdown:visible:not([class*="-leave"])');
    if ((await dropdown.count()) === 0) await select.click();
    await expect(dropdown).toHaveCount(1, { timeout: 2_000 });
    await expect(dropdown).not.toHaveClass(/-(enter|appear)/, { timeout: 2_000 });
    const all = dropdown.locator(optionSelector);
    await expect(all.first()).toBeVisible({ timeout: 2_000 });
    const preferred = preferText ? all.filter({ hasText: preferText }) : all;
    const option = ((await preferred.count()) > 0 ? preferred : all).first();
    picked = (await option.textContent())?.trim() ?? '';
    await option.click({ timeout: 2_000 });
    await expect(select).toContainText(picked, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  return picked;
}

/** Waits until an antd Modal (located by the test id on its root) has finished its opening animation. */
export async function waitForModal(modalRoot: Locator): Promise<void> {
  const dialog = modalRoot.locator('.ant-modal');
  await expect(dialog).toBeVisible();
  await expect(dialog).not.toHaveClass(/-(enter|appear)/);
}

/** Types a date into an antd DatePicker (its input carries the test id) and confirms it. */
export async function fillDate(picker: Locator, isoDate: string): Promise<void> {
  await picker.click();
  await picker.press('ControlOrMeta+a');
  await picker.fill(isoDate);
  await picker.press('Enter');
  await expect(picker).toHaveValue(isoDate);
}

/**
 * Types into a searchable antd Select (long, virtual or server-searched option lists) and picks the option that
 * contains `text` — never another one (the options may still be those of the previous search for a moment).
 */
export async function searchAndPick(page: Page, select: Locator, text: string): Promise<void> {
  await expect(async () => {
    const dropdown = page.locator('.ant-select-dropdown:visible:not([class*="-leave"])');
    if ((await dropdown.count()) === 0) await select.click();
    const input = select.locator('input');
    if ((await input.inputValue()) !== text) await input.fill(text);
    const option = dropdown.locator('.ant-select-item-option', { hasText: text }).first();
    await expect(option).toBeVisible({ timeout: 3_000 });
    await expect(dropdown).not.toHaveClass(/-(enter|appear)/, { timeout: 2_000 });
    await option.click({ timeout: 2_000 });
    await expect(select).toContainText(text, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}

/**
 * Runs one state change of a record through its form: the `${record}-action-${action}` button, then the
 * `${record}-action-modal` filled by `fill` and sent, until it has closed.
 */
export async function actionStep(
  page: Page,
  record: 'application' | 'rectification',
  action: string,
  fill?: (modal: Locator) => Promise<void>,
): Promise<void> {
  await page.getByTestId(`${record}-action-${action}`).click();
  const modal = page.getByTestId(`${record}-action-modal`);
  await waitForModal(modal);
  if (fill) await fill(modal);
  await modal.getByTestId(`${record}-action-submit`).click();
  await expect(modal.locator('.ant-modal')).toBeHidden();
}
