import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { countyToday, loginViaUi } from './helpers';

// 数据开放包: the county admin downloads last month's package from its page (the menu entry), a ZIP named by the
// API; the public key the page links to is served without a session.
test('the county admin downloads last month’s signed open-data package', async ({ page, request }) => {
  await loginViaUi(page, 'admin');
  await page.getByTestId('menu-open-data').click();
  await expect(page.getByTestId('page-title')).toHaveText('数据开放包');

  const [y, m] = countyToday().split('-').map(Number) as [number, number];
  const lastMonth = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  await expect(page.getByTestId('open-data-form').getByRole('textbox')).toHaveValue(lastMonth);

  const downloading = page.waitForEvent('download');
  await page.getByTestId('open-data-download').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^open-data-\\d+-${lastMonth}\\.zip$`));
  const bytes = await readFile((await download.path())!);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  await expect(page.getByTestId('open-data-error')).toHaveCount(0);

  // the key the page links to, read without a session (the request fixture has no cookies of the page)
  const key = await request.get((await page.getByTestId('open-data-key-link').getAttribute('href'))!);
  expect(key.status()).toBe(200);
  expect(await key.text()).toContain('-----BEGIN PUBLIC KEY-----');
});
