import { expect, test, type Page } from '@playwright/test';
import { loginViaUi, waitForModal } from './helpers';

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

  // The audit log has it, for that record
  await page.getByTestId('menu-audit').click();
  await page.getByTestId('audit-filter-record-type').locator('input').fill('calendar_day');
  await page.getByTestId('audit-filter-record-id').fill(DAY);
  await page.getByTestId('audit-filter-action').locator('input').fill('calendar.day_marked');
  await page.keyboard.press('Escape');
  await page.getByTestId('audit-search').click();
  await expect(page).toHaveURL(/recordId=2027-03-10/);
  const rows = page.getByTestId('audit-table').locator('tr.ant-table-row');
  await expect(rows.first()).toBeVisible();
  await expect(rows.first().getByTestId('audit-action')).toHaveText('calendar.day_marked');
  await expect(rows.first().getByTestId('audit-record-id')).toHaveText(DAY);
  await expect(rows.first().getByTestId('audit-outcome')).toHaveAttribute('data-outcome', 'success');

  // The after-image is shown when the row is expanded
  await rows.first().locator('.ant-table-row-expand-icon').click();
  await expect(page.getByTestId('audit-after').first()).toContainText(NAME);

  // The chain verifies
  await page.getByTestId('audit-verify').click();
  await expect(page.getByTestId('audit-verify-result')).toHaveAttribute('data-valid', 'true');

  // Clean up
  await openCalendar(page);
  await clearIfMarked(page);
  await expect(cell).toHaveAttribute('data-status', 'workday');
});
