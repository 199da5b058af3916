import { expect, test } from '@playwright/test';
import { apiAs, expandTreeNode, loginViaUi, treeNode } from './helpers';

test('admin browses county → township → villages and opens a region detail', async ({ page }) => {
  const admin = await apiAs('admin');
  const county = await admin.rootRegion();
  const townships = await admin.children(county.id);
  const township = townships.find((r) => r.childCount > 0);
  expect(township, 'a township with villages').toBeDefined();
  const villages = await admin.children(township!.id);
  const village = villages[0]!;
  await admin.dispose();

  await loginViaUi(page, 'admin');
  await page.getByTestId('menu-regions').click();
  await expect(page).toHaveURL(/\/regions$/);

  // The root is the county, opened one level: its townships are listed
  await expect(treeNode(page, county.name)).toHaveAttribute('data-level', 'county');
  await expect(treeNode(page, township!.name)).toBeVisible();
  await expect(page.locator('[data-testid="region-node"][data-level="township"]')).toHaveCount(townships.length);

  // Opening a township loads its villages
  await expandTreeNode(page, township!.name);
  await expect(treeNode(page, village.name)).toBeVisible();

  // Clicking a village opens its detail
  await treeNode(page, village.name).click();
  await expect(page).toHaveURL(new RegExp(`/regions/${village.id}$`));
  const detail = page.getByTestId('region-detail');
  await expect(detail).toBeVisible();
  await expect(page.getByTestId('region-name')).toHaveText(village.name);
  await expect(page.getByTestId('region-code')).toHaveText(village.code);
  const crumbs = page.getByTestId('region-breadcrumb');
  await expect(crumbs).toContainText(county.name);
  await expect(crumbs).toContainText(township!.name);

  // …with links to the region's units and users
  await page.getByTestId('region-view-units').click();
  await expect(page).toHaveURL(new RegExp(`/units\\?regionId=${village.id}$`));
  await expect(page.getByTestId('units-table')).toBeVisible();
});

test('a township leader gets "not found or no access" for another township', async ({ page }) => {
  const admin = await apiAs('admin');
  const leader = await apiAs('t01_leader');
  const county = await admin.rootRegion();
  const townships = await admin.children(county.id);
  const other = townships.find((r) => r.id !== leader.me.regionId && r.name !== leader.me.regionName);
  expect(other, 'another township').toBeDefined();
  await admin.dispose();
  await leader.dispose();

  await loginViaUi(page, 't01_leader');
  await page.goto(`/regions/${other!.id}`);
  const result = page.getByTestId('not-found');
  await expect(result).toBeVisible();
  await expect(result).toContainText('记录不存在或无权访问');
  await expect(page.getByTestId('region-detail')).toHaveCount(0);

  // Their own township opens fine
  await page.goto(`/regions/${leader.me.regionId}`);
  await expect(page.getByTestId('region-name')).toHaveText(leader.me.regionName);
});

test('a village agent sees only their village in the region tree', async ({ page }) => {
  await loginViaUi(page, 'v0101_agent');
  const regionName = (await page.getByTestId('current-user-region').textContent())?.trim() ?? '';
  await page.goto('/regions');
  const nodes = page.locator('[data-testid="region-tree"] [data-testid="region-node"]');
  await expect(nodes).toHaveCount(1);
  await expect(nodes.first()).toHaveAttribute('data-level', 'village');
  await expect(nodes.first().locator('.region-name')).toHaveText(regionName);
  // No menu entries the role lacks
  await expect(page.getByTestId('menu-tokens')).toHaveCount(0);
  await expect(page.getByTestId('menu-audit')).toHaveCount(0);
  await expect(page.getByTestId('menu-users')).toHaveCount(0);
});
