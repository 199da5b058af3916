import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../lib/i18n';
import type { EnforcementCase } from '../../lib/api/types';
import { renderRoutes } from '../../test/render';
import { json, fetchMockInEachTest } from '../../test/fetch';
import { CaseDocumentPage } from './CaseDocumentPage';
import { closedCase, decidedCase, hearingCase, notifiedCase, powerItem } from './caseDocumentTestData';
import { filedCase } from './caseTestData';

type FetchArgs = [RequestInfo | URL, RequestInit | undefined];

describe('a case’s printable documents', () => {
  let current: EnforcementCase = filedCase();
  let itemStatus = 200;
  const fetchMock = vi.fn(async (...[input]: FetchArgs) => {
    const url = new URL(String(input), 'http://localhost');
    if (url.pathname === '/api/v1/enforcement/cases/case-1') {
      return json(200, current, { ETag: `"v${current.version}"` });
    }
    if (url.pathname === '/api/v1/power-lists/items/item-1') {
      return itemStatus === 200 ? json(200, powerItem) : json(itemStatus, { title: '出错', status: itemStatus });
    }
    return json(404, { title: '未找到', status: 404 });
  });
  fetchMockInEachTest(fetchMock);

  const renderDoc = (doc: string, c: EnforcementCase, powerItemStatus = 200) => {
    current = c;
    itemStatus = powerItemStatus;
    return renderRoutes(
      [
        { path: '/enforcement/cases/:id/print/:doc', element: <CaseDocumentPage /> },
        { path: '/enforcement/cases/:id', element: <div data-testid="case-page" /> },
      ],
      `/enforcement/cases/case-1/print/${doc}`,
    );
  };
  // the sheet waits for the case and the item's legal basis: two answers (slow on a busy machine)
  const LOADED = { timeout: 5000 };
  const sheet = async () => screen.findByTestId('case-document', {}, LOADED);
  const text = (testId: string) => screen.getByTestId(testId).textContent ?? '';

  it('prints the filing approval form: source, party, facts, item, basis, officers, certificates, approver', async () => {
    renderDoc('filing', notifiedCase());
    expect(within(await sheet()).getByTestId('doc-title')).toHaveTextContent('立案审批表');
    expect(text('doc-issuer')).toBe('城关镇综合行政执法大队');
    expect(text('doc-source')).toContain('巡查发现');
    expect(text('doc-party')).toBe('王五');
    expect(text('doc-party-id')).toBe('110101********0011');
    expect(text('doc-facts')).toBe('占道经营，堆放货物');
    expect(text('doc-item')).toContain('CF-URB-001 对占道经营的处罚');
    expect(await screen.findByText('《城市市容和环境卫生管理条例》第十四条、第三十六条', {}, LOADED)).toBeInTheDocument();
    expect(text('doc-officers')).toContain('李执法（执法证号：ZF-001）');
    expect(text('doc-officers')).toContain('赵执法（执法证号：ZF-002）');
    expect(text('doc-approval')).toContain('同意立案');
    expect(text('doc-approval')).toContain('张队长');
    expect(text('doc-approval')).toContain('2026年12月2日');
    expect(screen.getByTestId('case-document-print')).toBeEnabled();
  });

  it('prints the notice of intended penalty, the right to be heard and, where it applies, to a hearing', async () => {
    renderDoc('notice', notifiedCase());
    expect(within(await sheet()).getByTestId('doc-title')).toHaveTextContent('行政处罚事先告知书');
    expect(text('doc-facts')).toContain('你于2026年11月30日在城关镇人民路 18 号，占道经营，堆放货物。');
    expect(text('doc-basis')).toContain('依据《城市市容和环境卫生管理条例》第十四条、第三十六条的规定');
    expect(text('doc-penalty')).toContain('罚款人民币800元（大写：捌佰元整）');
    expect(text('doc-statement-right')).toContain('陈述和申辩');
    expect(text('doc-statement-right')).toContain('2026年12月10日前');
    expect(text('doc-hearing-right')).toContain('五个工作日内');
    expect(text('doc-seal')).toContain('城关镇综合行政执法大队（印章）');
    expect(text('doc-date')).toBe('2026年12月3日');
  });

  it('leaves the hearing right out of a notice whose penalty is not heard', async () => {
    const c = notifiedCase();
    renderDoc('notice', { ...c, notice: c.notice && { ...c.notice, hearingEligible: false } });
    await sheet();
    expect(screen.queryByTestId('doc-hearing-right')).not.toBeInTheDocument();
  });

  it('prints the hearing notice: date, place and presiding officer', async () => {
    renderDoc('hearing', hearingCase());
    expect(within(await sheet()).getByTestId('doc-title')).toHaveTextContent('听证告知书');
    expect(text('doc-hearing-time')).toBe('听证时间：2026年12月21日');
    expect(text('doc-hearing-place')).toBe('听证地点：城关镇人民路 1 号 听证室');
    expect(text('doc-presider')).toBe('听证主持人：周法制');
    expect(text('doc-date')).toBe('2026年12月8日');
  });

  it('prints the decision: number, party as the API gives it, evidence, basis, penalty, remedies', async () => {
    renderDoc('decision', decidedCase());
    expect(within(await sheet()).getByTestId('doc-title')).toHaveTextContent('行政处罚决定书');
    expect(text('doc-decision-no')).toBe('城关综执罚决〔2026〕17号');
    expect(text('doc-party')).toBe('当事人：王五');
    // a person's ID number is masked by the API for every role: the document prints what it was given
    expect(text('doc-party-id')).toBe('公民身份号码：110101********0011');
    const evidence = within(screen.getByTestId('doc-evidence'))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(evidence).toEqual(['现场检查笔录（现场笔录，2026年12月2日）', '占道现场照片（照片，2026年12月2日）']);
    expect(text('doc-basis')).toContain('《城市市容和环境卫生管理条例》第三十六条');
    expect(text('doc-penalty')).toContain('罚款人民币800元（大写：捌佰元整）');
    expect(text('doc-payment')).toContain('十五日内');
    expect(text('doc-payment')).toContain('每日按罚款数额的百分之三加处罚款');
    expect(text('doc-remedies')).toContain('六十日内依法申请行政复议');
    expect(text('doc-remedies')).toContain('六个月内依法向人民法院提起行政诉讼');
    expect(text('doc-date')).toBe('2026年12月15日');
  });

  it('prints an organisation’s credit code in full and addresses it as 你单位', async () => {
    renderDoc(
      'decision',
      decidedCase({
        partyKind: 'organisation',
        partyName: '城关镇某某超市有限公司',
        partyIdNumber: '91130100MA0XXXXX1A',
      }),
    );
    await sheet();
    expect(text('doc-party-id')).toBe('统一社会信用代码：91130100MA0XXXXX1A');
    expect(text('doc-facts')).toContain('你单位于2026年11月30日');
  });

  it('says the decision is not there before the decision, and offers no printing', async () => {
    renderDoc('decision', notifiedCase());
    expect(await screen.findByTestId('case-document-missing', {}, LOADED)).toHaveTextContent('行政处罚决定书暂不能打印');
    expect(text('case-document-reason')).toBe('尚未作出行政处罚决定。');
    expect(screen.queryByTestId('case-document')).not.toBeInTheDocument();
    expect(screen.getByTestId('case-document-print')).toBeDisabled();
  });

  it('says so for a closing form before 结案', async () => {
    renderDoc('closing', decidedCase());
    expect(await screen.findByTestId('case-document-reason', {}, LOADED)).toHaveTextContent('案件尚未结案');
  });

  it('says so for a hearing notice before the hearing is set', async () => {
    renderDoc('hearing', notifiedCase());
    expect(await screen.findByTestId('case-document-reason', {}, LOADED)).toHaveTextContent('尚未通知听证');
  });

  it('prints the service receipt: the served document, cells to fill by hand until service is recorded', async () => {
    renderDoc('service', decidedCase());
    expect(within(await sheet()).getByTestId('doc-title')).toHaveTextContent('送达回证');
    expect(text('doc-served-document')).toBe('行政处罚决定书（城关综执罚决〔2026〕17号）');
    expect(text('doc-party')).toBe('王五');
    expect(text('doc-method')).toBe('');
    expect(screen.getByTestId('case-document-service-note')).toBeInTheDocument();
  });

  it('fills the service receipt in once served', async () => {
    renderDoc('service', closedCase());
    await sheet();
    expect(text('doc-method')).toBe('直接送达');
    expect(text('doc-served-on')).toBe('2026年12月16日');
    expect(text('doc-server')).toContain('李执法');
    expect(screen.queryByTestId('case-document-service-note')).not.toBeInTheDocument();
  });

  it('prints the closing approval form: decision, execution, reason, approver', async () => {
    renderDoc('closing', closedCase());
    expect(within(await sheet()).getByTestId('doc-title')).toHaveTextContent('结案审批表');
    expect(text('doc-decision')).toContain('城关综执罚决〔2026〕17号');
    expect(text('doc-execution')).toContain('2026年12月20日缴纳人民币800元（大写：捌佰元整）');
    expect(text('doc-closing-reason')).toBe('罚款已缴清');
    expect(text('doc-approval')).toContain('同意结案');
    expect(text('doc-approval')).toContain('张队长');
    expect(text('doc-approval')).toContain('2026年12月22日');
  });

  it('still prints when the power item cannot be read, naming the item instead of its basis', async () => {
    renderDoc('notice', notifiedCase(), 403);
    await sheet();
    expect(text('doc-basis')).toContain('依据职权事项“对占道经营的处罚”所列法律的规定');
    expect(screen.getByText('未能读取职权事项的法律依据，文书中以职权事项名称代替。')).toBeInTheDocument();
  });

  it('goes from one document to another and back to the case', async () => {
    const user = userEvent.setup();
    renderDoc('decision', decidedCase());
    await sheet();
    await user.click(screen.getByText('送达回证'));
    expect(within(await sheet()).getByTestId('doc-title')).toHaveTextContent('送达回证');
    await user.click(screen.getByTestId('case-document-back'));
    expect(await screen.findByTestId('case-page', {}, LOADED)).toBeInTheDocument();
  });

  it('knows no document of another name', async () => {
    renderDoc('receipt', decidedCase());
    expect(await screen.findByTestId('not-found', {}, LOADED)).toHaveTextContent('页面不存在');
  });
});
