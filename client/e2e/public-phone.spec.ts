import { expect, test, type Page } from '@playwright/test';
import type { PublicCentre, PublicCounty, PublicTownship, ServiceItemVersion } from '../src/lib/api/types';

// The public pages on a 390 px phone, held in one hand: no page scrolls sideways, the header keeps its title on one
// line and the staff login in view, the menu opens from a drawer, tables read as cards, and a citizen can browse from
// the landing page to a township's list, a guide and a centre. Reads the demo county only (nothing is changed).
//
// Screenshots of every public page at 390 px (not committed): set E2E_SCREENSHOTS to a folder, e.g.
//   E2E_SCREENSHOTS=/tmp/public-390 E2E_BASE_URL=http://127.0.0.1:5080 npx playwright test e2e/public-phone.spec.ts

export const PHONE = { width: 390, height: 844 };
test.use({ viewport: PHONE, isMobile: true, hasTouch: true });

/**
 * Nothing is wider than the screen: the page never scrolls sideways. (A phone browser widens its layout viewport to
 * fit wide content, so `innerWidth` itself must stay the phone's width too.)
 */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => Math.max(document.scrollingElement!.scrollWidth, window.innerWidth)), {
      message: `${page.url()} scrolls sideways`,
    })
    .toBeLessThanOrEqual(PHONE.width);
}

/** A full-page screenshot when E2E_SCREENSHOTS names a folder (the command in the header). */
async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SCREENSHOTS;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

/** The element's text sits on one line (a title squeezed to one character per line is many lines tall). */
async function expectOneLine(page: Page, testId: string, lineHeight: number): Promise<void> {
  const box = await page.getByTestId(testId).boundingBox();
  expect(box, testId).not.toBeNull();
  expect(box!.height, `${testId} on one line`).toBeLessThanOrEqual(lineHeight * 1.5);
  expect(box!.x + box!.width, `${testId} inside the screen`).toBeLessThanOrEqual(PHONE.width);
}

let county: PublicCounty;
let township: PublicTownship;
let guide: ServiceItemVersion;
let centre: PublicCentre;

test.beforeAll(async ({ request }) => {
  const get = async <T>(path: string): Promise<T> => {
    const res = await request.get(`/api/v1/public/${path}`);
    expect(res.ok(), `${path}: ${res.status()}`).toBeTruthy();
    return (await res.json()) as T;
  };
  const townships = await get<PublicTownship[]>('power-lists/townships');
  township = townships.find((t) => t.publishedEntries > 0)!;
  expect(township, 'the demo county has a published list').toBeDefined();
  const counties = await get<PublicCounty[]>('organization/counties');
  county = counties.find((c) => c.townships.some((t) => t.id === township.id))!;
  const guides = await get<ServiceItemVersion[]>(`service-centre/counties/${county.id}/items`);
  guide = guides.find((g) => g.materials.length > 1) ?? guides[0]!;
  centre = (await get<PublicCentre[]>(`service-centre/counties/${county.id}/centres`))[0]!;
  expect(guide && centre, 'the demo county has guides and centres').toBeTruthy();
});

test('the landing page leads to the lists, the guides and the centres; the header fits', async ({ page }) => {
  await page.goto('/public');
  await expect(page.getByTestId('public-home')).toBeVisible();
  await expect(page.getByTestId('public-home-county')).toContainText(county.name);
  await expectOneLine(page, 'public-title', 28);
  await expect(page.getByTestId('public-login')).toBeInViewport({ ratio: 1 });
  await expect(page.getByTestId('public-menu')).toBeHidden(); // in the drawer instead
  await expectNoSidewaysScroll(page);
  await shot(page, '01-home');

  await expect(page.getByTestId('public-home-township')).toHaveCount(county.townships.length);
  await page.locator(`[data-testid="public-home-township"][data-id="${township.id}"]`).click();
  await expect(page).toHaveURL(new RegExp(`/public/power-lists/${township.id}$`));

  await page.goBack();
  await page.getByTestId('public-home-guides').click();
  await expect(page).toHaveURL(new RegExp(`/public/services/${county.id}$`));
  await page.goBack();
  await page.getByTestId('public-home-centres').click();
  await expect(page).toHaveURL(new RegExp(`/public/centres/${county.id}$`));
});

test('the drawer menu opens and navigates, and closes on the way', async ({ page }) => {
  await page.goto('/public/power-lists');
  await expect(page.getByTestId('public-townships')).toBeVisible();
  await expectNoSidewaysScroll(page);
  await shot(page, '02-power-lists');
  await page.getByTestId('public-menu-button').click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByTestId('public-drawer-home')).toBeVisible();
  await shot(page, '03-drawer');
  await drawer.getByTestId('public-drawer-centres').click();
  await expect(page).toHaveURL(/\/public\/centres$/); // no county chosen yet: the picker
  await expect(drawer.getByTestId('public-drawer-home')).toBeHidden();
  await shot(page, '04-centres-pick-county');
  await page.locator(`[data-testid="public-county-pick"][data-id="${county.id}"]`).click();
  await expect(page).toHaveURL(new RegExp(`/public/centres/${county.id}$`));
  await expect(page.getByTestId('public-centre').first()).toBeVisible();
  await expectNoSidewaysScroll(page);
  await shot(page, '05-centres');

  // the county is remembered: the drawer's 办事指南 leads to its guides
  await page.getByTestId('public-menu-button').click();
  await drawer.getByTestId('public-drawer-services').click();
  await expect(page).toHaveURL(new RegExp(`/public/services/${county.id}$`));
  await page.getByTestId('public-menu-button').click();
  await drawer.getByTestId('public-drawer-home').click();
  await expect(page).toHaveURL(/\/public$/);
});

test("a township's list reads as cards and links to the county's guides and centres", async ({ page }) => {
  await page.goto(`/public/power-lists/${township.id}`);
  await expect(page.getByTestId('public-list-title')).toContainText(township.name);
  const card = page.getByTestId('entry-card').first();
  await expect(card).toBeVisible();
  expect((await card.boundingBox())!.width).toBeGreaterThan(300);
  await expect(page.getByTestId('entries-table')).toHaveCount(0);
  await expectNoSidewaysScroll(page);
  await shot(page, '06-township-list');
  await page.getByTestId('public-history').scrollIntoViewIfNeeded();
  await expectNoSidewaysScroll(page);

  await page.getByTestId('public-list-guides').click();
  await expect(page).toHaveURL(new RegExp(`/public/services/${county.id}$`));
  await page.goBack();
  await page.getByTestId('public-list-centres').click();
  await expect(page).toHaveURL(new RegExp(`/public/centres/${county.id}$`));
});

test('the guides: pick a county, find a guide, read its materials as a list', async ({ page }) => {
  await page.goto('/public/services');
  await expect(page.getByTestId('public-county-pick').first()).toBeVisible();
  await shot(page, '07-services-pick-county');
  await page.locator(`[data-testid="public-county-pick"][data-id="${county.id}"]`).click();
  await expect(page).toHaveURL(new RegExp(`/public/services/${county.id}$`));
  await expect(page.getByTestId('public-service').first()).toBeVisible();
  await expectNoSidewaysScroll(page);
  await shot(page, '08-services');

  await page.goto(`/public/services/item/${guide.itemId}?county=${county.id}`);
  await expect(page.getByTestId('public-guide-title')).toHaveText(guide.name);
  const materials = page.getByTestId('guide-material');
  await expect(materials).toHaveCount(guide.materials.length);
  expect((await materials.first().boundingBox())!.width).toBeGreaterThan(250);
  await expectNoSidewaysScroll(page);
  await shot(page, '09-guide');
});

test('taking a ticket, the hall display and rating fit the phone', async ({ page }) => {
  await page.goto(`/public/queue/${centre.id}/take`);
  await expect(page.getByTestId('take-centre')).toHaveText(centre.name);
  await expectNoSidewaysScroll(page);
  await shot(page, '10-take-ticket');

  await page.goto(`/public/queue/${centre.id}`);
  await expect(page.getByTestId('hall-centre')).toHaveText(centre.name);
  await expectOneLine(page, 'hall-centre', 40);
  await expectNoSidewaysScroll(page);
  await shot(page, '11-hall-display');

  await page.goto('/public/rate');
  await expect(page.getByTestId('public-rate-form')).toBeVisible();
  await expectNoSidewaysScroll(page);
  await shot(page, '12-rate');
});
