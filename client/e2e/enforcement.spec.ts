import { expect, test } from '@playwright/test';
import { countyToday, fillDate, loginViaUi, pickOption, waitForModal } from './helpers';

// 综合行政执法: the county admin adds an officer to 城关镇's team with a certificate ending in 30 days; the officer is
// tagged 即将到期 with the days left; a 换证 (a certificate valid three more years) makes them 持证在岗.
test('执法人员: an officer added with a certificate expiring soon is 即将到期 until 换证', async ({ page }) => {
  test.setTimeout(90_000);
  const stamp = String(Date.now()).slice(-8);
  const name = `测试执法员${stamp.slice(-4)}`;

  await loginViaUi(page, 'admin');
  await page.getByTestId('menu-enforcement-teams').click();
  await page.getByTestId('team-table').getByRole('link', { name: '城关镇综合行政执法大队' }).click();
  await expect(page.getByTestId('team-title')).toHaveText('城关镇综合行政执法大队');
  const expiring = page.getByTestId('team-strength-expiring').locator('.ant-statistic-content-value');
  const expiringBefore = Number(await expiring.innerText());

  // 添加执法人员: 城市管理, certificate from today until 30 days on
  await page.getByTestId('officer-add').click();
  const modal = page.getByTestId('officer-add-modal');
  await waitForModal(modal);
  await modal.getByTestId('officer-name').fill(name);
  await pickOption(page, modal.getByTestId('officer-domains-select'), '.ant-select-item-option', '城市管理');
  await modal.getByTestId('officer-name').click(); // closes the domains' dropdown
  await modal.getByTestId('certificate-number').fill(`ZF-E2E-${stamp}`);
  await modal.getByTestId('certificate-issuing-body').fill('清河县人民政府');
  await fillDate(modal.getByTestId('certificate-valid-until'), countyToday(30));
  await modal.getByTestId('officer-add-submit').click();
  await expect(modal.locator('.ant-modal')).toBeHidden();

  const row = page.getByTestId('officer-table').locator('tr', { hasText: name });
  await expect(row.getByTestId('officer-status')).toHaveText('即将到期');
  await expect(row.getByTestId('officer-days-left')).toHaveText('剩 30 天');
  await expect(row.getByTestId('officer-domains')).toHaveText('城市管理');
  await expect(expiring).toHaveText(String(expiringBefore + 1));

  // 换证: a new certificate until three years on
  await row.getByTestId('officer-renew').click();
  const renew = page.getByTestId('renew-modal');
  await waitForModal(renew);
  await renew.getByTestId('certificate-number').fill(`ZF-E2E-${stamp}-2`);
  await expect(renew.getByTestId('certificate-issuing-body')).toHaveValue('清河县人民政府');
  await fillDate(renew.getByTestId('certificate-valid-until'), countyToday(3 * 365));
  await renew.getByTestId('renew-submit').click();
  await expect(renew.locator('.ant-modal')).toBeHidden();

  await expect(row.getByTestId('officer-status')).toHaveText('持证在岗');
  await expect(row.getByTestId('officer-certificate')).toHaveText(`ZF-E2E-${stamp}-2`);
  await expect(expiring).toHaveText(String(expiringBefore));

  // the officer's page lists both certificates
  await row.getByTestId('officer-link').click();
  await expect(page.getByTestId('officer-title')).toHaveText(name);
  await expect(page.getByTestId('officer-certificates').locator('tbody tr')).toHaveCount(2);
});
