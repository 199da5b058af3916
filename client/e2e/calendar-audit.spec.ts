import { expect, test, type Page } from '@playwright/test';
import { loginViaUi, searchAndPick, waitForModal } from './helpers';

const DAY = '2027-03-10'; // a Wednesday with no holiday arrangement
const NAME = '端到端测试';

async function openCalendar(page: Page) {
  await page.goto('/calendar?year=2027');
  await expect(page.getByTestId('calendar-months')).toHaveAttribute('data-year', '2027');
  await expect(page.getByTestId('calendar-months')).toHaveAttribute('aria-busy', 'false');
}

async function clearIfMarked(page: Page) {
  const cell = page.getByTestId(`cal-day-${DAY}`);
  const status = await cell.getAttribute('data-status');
  if (status === 'holiday' || status === 'makeup') {
    await cell.click();
    await waitForModal(page.getByTestId('calendar-day-modal'));
    await page.getByTestId('day-clear').click();
    await expect(cell).toHaveAttribute('data-status', 'workday');
  }
}

test('admin marks a day as 休, finds the audit entry, then clears it', async ({ page }) => {
  await loginViaUi(page, 'admin');
  await openCalendar(page);
  await clearIfMarked(page);

  const cell = page.getByTestId(`cal-day-${DAY}`);
  await expect(cell).toHaveAttribute('data-status', 'workday');
  await cell.click();
  // (the modal's test id sits on antd's zero-size root; assert on what is inside it)
  const modal = page.getByTestId('calendar-day-modal');
  await waitForModal(modal);
  await modal.getByTestId('day-kind-off').click();
  await expect(modal.locator('input[type="radio"][value="off"]')).toBeChecked();
  await modal.getByTestId('day-name').fill(NAME);
  await modal.getByTestId('day-save').click();

  await expect(cell).toHaveAttribute('data-status', 'holiday');
  await expect(cell).toContainText('休');
  await expect(page.getByTestId('calendar-exceptions').locator(`tr[data-row-key="${DAY}"]`)).toContainText(NAME);

  // The audit log has it, for that record: type and action chosen from lists, in words
  await page.getByTestId('menu-audit').click();
  await searchAndPick(page, page.getByTestId('audit-filter-record-type'), '日历日期');
  await page.getByTestId('audit-filter-record-id').fill(DAY);
  await searchAndPick(page, page.getByTestId('audit-filter-action'), '设置节假日或调休');
  await page.getByTestId('audit-search').click();
  await expect(page).toHaveURL(/recordId=2027-03-10/);
  await expect(page).toHaveURL(/action=calendar\.day_marked/);
  const rows = page.getByTestId('audit-table').locator('tr.ant-table-row');
  await expect(rows.first()).toBeVisible();
  await expect(rows.first().getByTestId('audit-action')).toHaveText('设置节假日或调休');
  await expect(rows.first().getByTestId('audit-action')).toHaveAttribute('data-code', 'calendar.day_marked');
  await expect(rows.first().getByTestId('audit-record-type')).toHaveText('日历日期');
  await expect(rows.first().getByTestId('audit-record-id')).toHaveText(DAY);
  await expect(rows.first().getByTestId('audit-outcome')).toHaveAttribute('data-outcome', 'success');
  // the actor by name and unit, not the username
  await expect(rows.first().getByTestId('audit-actor')).toContainText('县政府办公室');
  await expect(rows.first().getByTestId('audit-actor')).toHaveAttribute('title', 'admin');

  // The export is the same filtered trail, as CSV. The router may change the address before React renders the
  // filtered page (navigation is a transition): under load the link could still be the unfiltered one, so wait for it.
  const exportLink = page.getByTestId('audit-export-csv');
  await expect(exportLink).toHaveAttribute('href', /action=calendar\.day_marked/);
  await expect(exportLink).toHaveAttribute('href', /recordId=2027-03-10/);
  const href = await exportLink.getAttribute('href');
  const csv = await page.request.get(href!);
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  expect(text).toContain('设置节假日或调休');
  expect(text).not.toContain('登录');

  // The entry opens in a drawer: the name changed field by field, the raw JSON on demand
  await rows.first().getByTestId('audit-action').click();
  const drawer = page.getByTestId('audit-detail');
  await expect(drawer).toContainText('calendar.day_marked');
  await expect(page.locator('[data-testid="diff-row"][data-field="name"]')).toHaveAttribute('data-changed', 'true');
  await expect(page.locator('[data-testid="diff-row"][data-field="name"]')).toContainText(NAME);
  await page.getByText('查看原始 JSON').click();
  await expect(page.getByTestId('audit-after')).toContainText(NAME);
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  // The chain verifies
  await page.getByTestId('audit-verify').click();
  await expect(page.getByTestId('audit-verify-result')).toHaveAttribute('data-valid', 'true');

  // Clean up
  await openCalendar(page);
  await clearIfMarked(page);
  await expect(cell).toHaveAttribute('data-status', 'workday');
});
