import { expect, test, type Locator, type Page } from '@playwright/test';
import type { AssessmentSummary, LedgerPage, Page as ApiPage, StaffPerson, Unit } from '../src/lib/api/types';
import { apiAs, fillDate, countyToday, loginViaUi, pickOption, waitForModal } from './helpers';

/** Types part of a unit's name into a UnitSelect and picks the unit of the given region (names repeat across townships). */
async function pickUnit(page: Page, select: Locator, unit: Pick<Unit, 'name' | 'regionName'>): Promise<void> {
  const label = `${unit.name}（${unit.regionName}）`;
  await expect(async () => {
    const dropdown = page.locator('.ant-select-dropdown:visible:not([class*="-leave"])');
    if ((await dropdown.count()) === 0) await select.click();
    const input = select.locator('input');
    if ((await input.inputValue()) !== unit.name) await input.fill(unit.name);
    const option = dropdown.locator('.ant-select-item-option', { hasText: label }).first();
    await expect(option).toBeVisible({ timeout: 3_000 });
    await expect(dropdown).not.toHaveClass(/-(enter|appear)/, { timeout: 2_000 });
    await option.click({ timeout: 2_000 });
    await expect(select).toContainText(label, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}

// 编制划转: the 编办 records a document moving two 事业编制 from a county unit to a township unit; the ledger shows the
// township unit's approved posts two higher as of today, and its 对账单 the 划入 line of that document.
test.describe.serial('编制台账', () => {
  test.describe.configure({ timeout: 120_000 });
  const stamp = String(Date.now()).slice(-8);
  const documentNo = `清编〔E2E〕${stamp}号`;
  let from: Unit;
  let to: Unit;
  let approvedBefore = 0;

  test.beforeAll(async () => {
    const bianban = await apiAs('bianban');
    const county = await bianban.rootRegion();
    // a county unit with two vacant 事业编制 (全额拨款) to give
    const ledger = await bianban.get<LedgerPage>(
      `/api/v1/staffing/ledger?regionId=${county.id}&kind=institution&funding=full&limit=200`,
    );
    const donor = ledger.items.find((r) => r.unitKind.startsWith('county_') && r.vacant >= 2)!;
    expect(donor, 'a county unit with vacant institution posts').toBeTruthy();
    const donorUnits = await bianban.get<ApiPage<Unit>>(
      `/api/v1/organization/units?regionId=${county.id}&q=${encodeURIComponent(donor.unitName)}`,
    );
    from = donorUnits.items.find((u) => u.id === donor.unitId)!;
    // a township institution that already holds 事业编制 (全额拨款)
    const institutions = await bianban.get<ApiPage<Unit>>('/api/v1/organization/units?kind=township_institution&limit=50');
    for (const u of institutions.items) {
      const rows = await bianban.get<LedgerPage>(`/api/v1/staffing/ledger?unitId=${u.id}&kind=institution&funding=full`);
      if (rows.items.length === 1) {
        to = u;
        approvedBefore = rows.items[0]!.approved;
        break;
      }
    }
    expect(to, 'a township institution with institution posts').toBeTruthy();
    await bianban.dispose();
  });

  test('编办 records a transfer and the ledger shows the township unit two posts richer', async ({ page }) => {
    await loginViaUi(page, 'bianban');
    await page.getByTestId('menu-staffing-transfers').click();
    await expect(page.getByTestId('page-title')).toHaveText('编制划转');
    await page.getByTestId('transfer-create').click();
    const modal = page.getByTestId('transfer-modal');
    await waitForModal(modal);

    // 行政编制 would need the higher approval's number: the form asks for it only then
    await modal.getByTestId('transfer-document-no').fill(documentNo);
    await modal.getByTestId('transfer-approved-by').fill('县机构编制委员会');
    await fillDate(modal.getByTestId('transfer-effective-on'), countyToday());
    await pickUnit(page, modal.getByTestId('transfer-from-0'), from);
    await pickUnit(page, modal.getByTestId('transfer-to-0'), to);
    await modal.getByTestId('transfer-posts-0').fill('2');
    await expect(modal.getByTestId('transfer-lines-total')).toContainText('2');
    await modal.getByTestId('transfer-submit').click();

    await expect(page.getByTestId('transfer-title')).toHaveText(documentNo);
    await expect(page.getByTestId('transfer-posts')).toHaveText('2');
    await expect(page.getByTestId('transfer-lines')).toContainText(to.name);

    // the ledger of the township, 事业编制 (全额拨款), as of today
    await page.goto(`/staffing/ledger?regionId=${to.regionId}&kind=institution&funding=full`);
    const row = page.getByTestId('ledger-table').locator('tr', { has: page.getByRole('link', { name: to.name, exact: true }) });
    await expect(row.getByTestId('ledger-approved')).toHaveText(String(approvedBefore + 2));

    // its 对账单: the 划入 line with the document and the running figure
    await row.getByTestId('ledger-unit').click();
    await expect(page.getByTestId('statement-title')).toContainText(to.name);
    await expect(page.getByTestId('statement-approved')).toHaveText(String(approvedBefore + 2));
    const line = page.getByTestId('statement-table').locator('tr', { hasText: documentNo });
    await expect(line).toContainText('划入');
    await expect(line).toContainText('+2');
  });
});

/** A valid 18-digit ID number (GB 11643 check character) of a person born on `birth` (YYYYMMDD). */
function idNumber(birth: string, sequence: string): string {
  const body = `110105${birth}${sequence}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11]!;
}

// 编制使用申请 → 入编: 县市场监管局 asks for one 行政编制 under the year's 用编计划, the 编办 approves it and records the
// person who takes the post; the person's page shows the ID number masked and the post held.
test.describe.serial('编制使用申请与入编', () => {
  test.describe.configure({ timeout: 120_000 });
  const stamp = String(Date.now()).slice(-6);
  const year = Number(countyToday().slice(0, 4));
  const name = `测试${'甲乙丙丁戊己庚辛壬癸'[Number(stamp) % 10]}${stamp.slice(-2)}`;
  const id = idNumber('19980315', stamp.slice(-3));
  let requestId = '';

  test.beforeAll(async () => {
    const bianban = await apiAs('bianban');
    const county = await bianban.rootRegion();
    const units = await bianban.get<ApiPage<Unit>>(
      `/api/v1/organization/units?regionId=${county.id}&q=${encodeURIComponent('县市场监督管理局')}`,
    );
    const scjg = units.items.find((u) => u.name === '县市场监督管理局')!;
    // the year's 用编计划 (already there when the spec runs again against the same database)
    const res = await bianban.ctx.post('/api/v1/staffing/plans', {
      headers: { 'X-CSRF-Token': bianban.csrf },
      data: { unitId: scjg.id, kind: 'administrative', funding: 'full', year, posts: 5, documentNo: `计划${stamp}` },
    });
    expect([201, 200, 409], await res.text()).toContain(res.status());
    await bianban.dispose();
  });

  test('县市场监管局 submits a request for one 行政编制', async ({ page }) => {
    await loginViaUi(page, 'dept_scjg');
    await page.getByTestId('menu-staffing-requests').click();
    await page.getByTestId('request-create').click();
    const modal = page.getByTestId('request-modal');
    await waitForModal(modal);
    await pickUnit(page, modal.getByTestId('request-unit'), { name: '县市场监督管理局', regionName: '清河县' });
    await pickOption(page, modal.locator('[data-testid="request-kind"]'), '.ant-select-item-option', '行政编制');
    await modal.getByTestId('request-reason').fill(`E2E 补充执法人员 ${stamp}`);
    await modal.getByTestId('request-submit').click();
    // the request's own page (the list behind the form has state tags of earlier requests)
    await expect(page).toHaveURL(/\/staffing\/requests\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('request-title')).toContainText('县市场监督管理局');
    await expect(page.getByTestId('request-state')).toHaveText('待编办审批');
    requestId = page.url().split('/').pop()!;
    // the department cannot approve its own request
    await expect(page.getByTestId('request-approve')).toHaveCount(0);
    await expect(page.getByTestId('request-withdraw')).toBeVisible();
  });

  test('编办 approves it and records the person who takes the post', async ({ page }) => {
    await loginViaUi(page, 'bianban');
    await page.goto(`/staffing/requests/${requestId}`);
    await page.getByTestId('request-approve').click();
    const action = page.getByTestId('request-action-modal');
    await waitForModal(action);
    await action.getByTestId('request-action-note').fill('同意，在年度用编计划内。');
    await action.getByTestId('request-action-submit').click();
    await expect(page.getByTestId('request-state')).toHaveText('已批准');
    await expect(page.getByTestId('request-timeline')).toContainText('同意，在年度用编计划内。');

    await page.getByTestId('request-hire').click();
    const hire = page.getByTestId('hire-modal');
    await waitForModal(hire);
    await hire.getByTestId('hire-name').fill(name);
    await hire.getByTestId('hire-id-number').fill(id);
    // the birth date is read from the ID number
    await expect(hire.getByTestId('hire-birth-date')).toHaveValue('1998-03-15');
    await hire.getByTestId('hire-document-no').fill(`清人社〔E2E〕${stamp}号`);
    await hire.getByTestId('hire-submit').click();

    await expect(page.getByTestId('person-title')).toHaveText(name);
    const masked = page.getByTestId('person-detail').getByTestId('person-id-number');
    await expect(masked).not.toHaveText(id);
    await expect(masked).toContainText('*');
    await expect(page.getByTestId('person-holdings')).toContainText('县市场监督管理局');
    await expect(page.getByTestId('person-state')).toHaveText('在编');
  });
});

/** Picks a person in the 报名 search by name, the option of their unit (names may repeat). */
async function pickPerson(page: Page, select: Locator, p: Pick<StaffPerson, 'name' | 'unitName'>): Promise<void> {
  await expect(async () => {
    const dropdown = page.locator('.ant-select-dropdown:visible:not([class*="-leave"])');
    if ((await dropdown.count()) === 0) await select.click();
    const input = select.locator('input');
    if ((await input.inputValue()) !== p.name) await input.fill(p.name);
    const option = dropdown.locator('.ant-select-item-option', { hasText: `${p.name}（${p.unitName}` }).first();
    await expect(option).toBeVisible({ timeout: 3_000 });
    await expect(dropdown).not.toHaveClass(/-(enter|appear)/, { timeout: 2_000 });
    await option.click({ timeout: 2_000 });
    await expect(select).toContainText(p.name, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}

async function campaignStep(page: Page, action: string, state: string): Promise<void> {
  await page.getByTestId(`campaign-${action}`).click();
  const modal = page.getByTestId('campaign-action-modal');
  await waitForModal(modal);
  await modal.getByTestId('campaign-action-submit').click();
  await expect(modal.locator('.ant-modal')).toBeHidden();
  await expect(page.getByTestId('campaign-state')).toHaveText(state);
}

async function typeScore(page: Page, name: string, score: string): Promise<void> {
  await page.getByTestId('scores-table').locator('tr', { hasText: name }).locator('input').fill(score);
}

// 选派: the 编办 announces a campaign with two posts, registers two staff of 差额拨款 posts (one through the page, one
// through the API), reviews them, records the written and interview scores (a bad import is refused with its row
// report), lets them choose in rank order and publishes; the public notice shows them with masked names.
test.describe.serial('选派', () => {
  test.describe.configure({ timeout: 180_000 });
  const stamp = String(Date.now()).slice(-8);
  const name = `E2E选派${stamp}`;
  let people: StaffPerson[] = [];

  test.beforeAll(async () => {
    const bianban = await apiAs('bianban');
    const county = await bianban.rootRegion();
    // the demo has secondment history: leave out whoever is seconded now or was returned (and may be barred)
    const busy = new Set<string>();
    for (const state of ['active', 'returned']) {
      let cursor: string | null | undefined;
      do {
        const page = await bianban.get<ApiPage<{ personId: string }>>(
          `/api/v1/staffing/secondees?state=${state}&limit=200${cursor ? `&cursor=${cursor}` : ''}`);
        page.items.forEach((s) => busy.add(s.personId));
        cursor = page.nextCursor;
      } while (cursor);
    }
    for (const funding of ['partial', 'self']) {
      const ledger = await bianban.get<LedgerPage>(`/api/v1/staffing/ledger?regionId=${county.id}&funding=${funding}&limit=200`);
      for (const row of ledger.items.filter((r) => r.unitKind.startsWith('county_') && r.occupied > 0)) {
        const found = await bianban.get<ApiPage<StaffPerson>>(`/api/v1/staffing/people?unitId=${row.unitId}&state=serving&limit=50`);
        people.push(...found.items.filter((p) => p.funding === funding && !busy.has(p.id) && !people.some((x) => x.name === p.name)));
        if (people.length >= 2) break;
      }
      if (people.length >= 2) break;
    }
    people = people.slice(0, 2);
    expect(people.length, 'two staff of county units in 差额拨款 or 自收自支 posts').toBe(2);
    await bianban.dispose();
  });

  test('编办 runs a campaign to 公示 and the public notice masks the names', async ({ page }) => {
    const [first, second] = people as [StaffPerson, StaffPerson];
    await loginViaUi(page, 'bianban');
    await page.getByTestId('menu-staffing-campaigns').click();
    await expect(page.getByTestId('page-title')).toHaveText('选派批次');
    await page.getByTestId('campaign-create').click();
    const modal = page.getByTestId('campaign-modal');
    await waitForModal(modal);
    await modal.getByTestId('campaign-name').fill(name);
    await pickOption(page, modal.getByTestId('campaign-township-0'), '.ant-select-item-option');
    await modal.getByTestId('campaign-posts-0').fill('2');
    await modal.getByTestId('campaign-submit').click();
    await expect(page.getByTestId('campaign-title')).toHaveText(name);
    await expect(page.getByTestId('campaign-state')).toHaveText('已公告');
    const id = page.url().split('/').pop()!;

    await campaignStep(page, 'open-registration', '报名中');
    await page.getByTestId('register-open').click();
    const register = page.getByTestId('register-modal');
    await waitForModal(register);
    await pickPerson(page, register.getByTestId('register-person'), first);
    await register.getByTestId('register-submit').click();
    await expect(register.locator('.ant-modal')).toBeHidden();
    // the same person twice: the API's refusal is shown in the form
    await page.getByTestId('register-open').click();
    await waitForModal(register);
    await pickPerson(page, register.getByTestId('register-person'), first);
    await register.getByTestId('register-submit').click();
    await expect(register.getByTestId('problem-alert')).toContainText('已报名');
    await register.getByRole('button', { name: /取\s*消/ }).click();
    const bianban = await apiAs('bianban');
    const res = await bianban.ctx.post(`/api/v1/staffing/campaigns/${id}/registrations`, {
      data: { personId: second.id },
      headers: { 'X-CSRF-Token': bianban.csrf },
    });
    expect(res.status(), await res.text()).toBe(201);
    await bianban.dispose();
    await page.reload();
    await expect(page.getByTestId('registrations-table').locator('tbody tr')).toHaveCount(2);

    await campaignStep(page, 'review', '资格审核');
    for (const p of [first, second]) {
      const row = page.getByTestId('registrations-table').locator('tr', { hasText: p.name });
      await row.getByRole('button', { name: '审核通过' }).click();
      await expect(row.getByTestId('registration-state')).toHaveText('审核通过');
    }

    await campaignStep(page, 'written', '笔试');
    // a bad file: nothing imported, every bad row listed
    await page.getByTestId('scores-card').locator('input[type=file]').setInputFiles({
      name: 'scores.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('身份证号,笔试成绩\n110101199001011234,abc\n', 'utf8'),
    });
    await expect(page.getByTestId('scores-row-errors')).toContainText('2');
    await typeScore(page, first.name, '90');
    await typeScore(page, second.name, '80');
    await page.getByTestId('scores-save').click();
    await expect(page.locator('.ant-message')).toContainText('已保存 2 人的成绩');

    await campaignStep(page, 'interview', '面试');
    await expect(page.getByTestId('ranking-table')).toBeVisible();
    await typeScore(page, first.name, '85');
    await typeScore(page, second.name, '70');
    await page.getByTestId('scores-save').click();
    await expect(page.getByTestId('ranking-table').locator('tr', { hasText: first.name })).toContainText('87.5');

    await campaignStep(page, 'choose', '选岗');
    await expect(page.getByTestId('choose-turn')).toContainText(first.name);
    await expect(page.getByTestId('choose-2')).toBeDisabled();
    for (const rank of [1, 2]) {
      await page.getByTestId(`choose-${rank}`).click();
      const choose = page.getByTestId('choose-modal');
      await waitForModal(choose);
      await choose.getByTestId('choose-post').locator('input[type=radio]').first().check();
      await choose.getByTestId('choose-submit').click();
      await expect(choose.locator('.ant-modal')).toBeHidden();
    }
    await expect(page.getByTestId('choose-turn')).toContainText('选岗已结束');
    await expect(page.getByTestId('post-left').first()).toHaveText('0');

    await campaignStep(page, 'publish', '公示中');
    await expect(page.getByTestId('campaign-publicity')).toBeVisible();
    await expect(page.getByTestId('objection-open')).toBeVisible();

    await page.goto(`/public/staffing/campaigns/${id}`);
    await expect(page.getByTestId('notice-title')).toContainText(name);
    await expect(page.getByTestId('notice-item')).toHaveCount(2);
    await expect(page.getByTestId('notice-list')).toContainText(`${first.name.slice(0, 1)}*`);
    await expect(page.getByTestId('notice-list')).not.toContainText(first.name);
  });
});

// 年度考核: the 编办 opens the assessment of a year before the demo's first campaign (2017), so nobody to grade and a
// quota of nought, publishes it, and the public 优秀 notice is there, empty.
test('编办 opens and publishes a year’s assessment; its public notice lists nobody', async ({ page }) => {
  // the latest year before the demo's campaigns without an assessment yet (a re-run takes the year before)
  const bianban = await apiAs('bianban');
  const taken = (await bianban.get<ApiPage<AssessmentSummary>>('/api/v1/staffing/assessments?limit=200')).items.map((a) => a.year);
  await bianban.dispose();
  let year = 2016;
  while (taken.includes(year)) year -= 1;
  await loginViaUi(page, 'bianban');
  await page.getByTestId('menu-staffing-assessments').click();
  await expect(page.getByTestId('page-title')).toHaveText('年度考核');
  await page.getByTestId('assessment-create').click();
  const modal = page.getByTestId('assessment-modal');
  await waitForModal(modal);
  await modal.getByTestId('assessment-year').fill(String(year));
  await modal.getByTestId('assessment-submit').click();
  await expect(page.getByTestId('assessment-title')).toContainText(String(year));
  await expect(page.getByTestId('excellent-quota')).toContainText('优秀 0 / 0');
  await expect(page.getByTestId('assessment-state')).toHaveText('评定中');
  const id = page.url().split('/').pop()!;

  await page.getByTestId('assessment-publish').click();
  const action = page.getByTestId('assessment-action-modal');
  await waitForModal(action);
  await action.getByTestId('assessment-action-submit').click();
  await expect(action.locator('.ant-modal')).toBeHidden();
  await expect(page.getByTestId('assessment-state')).toHaveText('优秀等次公示中');
  await expect(page.getByTestId('assessment-notice-link')).toBeVisible();

  await page.goto(`/public/staffing/assessments/${id}`);
  await expect(page.getByTestId('notice-title')).toContainText(`${year} 年度`);
  await expect(page.getByTestId('notice-period')).toContainText('公示期');
  await expect(page.getByTestId('notice-list')).toContainText('暂无公示人员');
});
