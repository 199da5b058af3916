import { expect, request, type APIRequestContext, type Page } from '@playwright/test';
import type { Me, Region } from '../src/lib/api/types';

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
  constructor(
    readonly ctx: APIRequestContext,
    readonly me: Me,
    readonly csrf: string,
  ) {}

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

/** The tree node (title) of a region in the 行政区划 tree. */
export function treeNode(page: Page, name: string) {
  return page.getByTestId('region-tree').locator('[data-testid="region-node"]', {
    has: page.locator('.region-name', { hasText: new RegExp(`^${escapeRegExp(name)}$`) }),
  });
}

/** Expands a node of the region tree by clicking its switcher (the caret left of the title). */
export async function expandTreeNode(page: Page, name: string): Promise<void> {
  const row = page.getByTestId('region-tree').locator('.ant-tree-treenode', { has: treeNode(page, name) });
  await row.locator('.ant-tree-switcher').click();
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
