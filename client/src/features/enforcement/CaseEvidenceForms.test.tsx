import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../lib/i18n';
import type { CaseEvidence, EnforcementCase } from '../../lib/api/types';
import { countyToday } from '../../lib/dates';
import { renderRoutes } from '../../test/render';
import { json, fetchMockInEachTest } from '../../test/fetch';
import { CaseDetailPage } from './CaseDetailPage';
import { evidence, filedCase } from './caseTestData';

type FetchArgs = [RequestInfo | URL, RequestInit | undefined];

const HASH_B = 'b'.repeat(60) + 'beef';

const preserved = (seq: number, outcome: string | null, overdue = false): CaseEvidence =>
  evidence(seq, {
    kind: 'preservation',
    kindName: '先行登记保存',
    title: `登记保存物品 ${seq}`,
    preservation: {
      dueOn: '2026-12-09',
      overdue,
      decidedOn: outcome ? '2026-12-05' : null,
      outcome,
      outcomeName: outcome ? '解除先行登记保存' : null,
      note: null,
    },
  });

describe('the evidence, 先行登记保存 and 共同办理 forms', () => {
  let current: EnforcementCase = filedCase();
  let respond: () => Response = () => json(500, {});
  let uploaded: () => Promise<Response> = async () => json(500, {});
  const fetchMock = vi.fn(async (...[input, init]: FetchArgs) => {
    const path = new URL(String(input), 'http://localhost').pathname;
    if (init?.method === 'POST' && path === '/api/v1/enforcement/files') return uploaded();
    if (init?.method === 'POST' && path.startsWith('/api/v1/enforcement/cases/case-1/')) return respond();
    if (path === '/api/v1/enforcement/cases/case-1') return json(200, current, { ETag: `"v${current.version}"` });
    if (path === '/api/v1/organization/units') {
      return json(200, {
        items: [
          { id: 'u-1', name: '县自然资源局' },
          { id: 'u-2', name: '县市场监督管理局' },
        ],
        nextCursor: null,
      });
    }
    return json(404, { title: '未找到', status: 404 });
  });
  fetchMockInEachTest(fetchMock);
  beforeEach(() => {
    document.cookie = 'gov_csrf=tok-1';
  });
  afterEach(() => {
    document.cookie = 'gov_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
  });

  const renderPage = () =>
    renderRoutes([{ path: '/enforcement/cases/:id', element: <CaseDetailPage /> }], '/enforcement/cases/case-1');

  const calls = (path: string) =>
    fetchMock.mock.calls
      .filter(([input, init]) => init?.method === 'POST' && String(input) === path)
      .map(([, init]) => ({ headers: new Headers(init?.headers), body: init?.body }));

  const actionBody = (action: string) =>
    calls(`/api/v1/enforcement/cases/case-1/${action}`).map((c) => ({
      ifMatch: c.headers.get('If-Match'),
      body: JSON.parse(String(c.body)) as Record<string, unknown>,
    }));

  const field = (testId: string) => screen.getByTestId(testId).closest('.ant-form-item') as HTMLElement;
  const fileInput = () =>
    screen.getByTestId('case-action-modal').ownerDocument.querySelector('input[type=file]') as HTMLInputElement;
  const choose = async (user: ReturnType<typeof userEvent.setup>, testId: string, option: string) => {
    await user.click(within(field(testId)).getByRole('combobox'));
    await user.click(await screen.findByText(option, { selector: '.ant-select-item-option-content' }));
  };

  it('uploads the chosen file with its type, shows the hash, sends 收集证据 with If-Match (更正)', async () => {
    current = filedCase({ evidence: [evidence(1)], allowedActions: ['collect', 'extend'] });
    let release: (r: Response) => void = () => undefined;
    uploaded = () => new Promise<Response>((resolve) => (release = resolve));
    const collected = filedCase({
      version: 3,
      evidence: [
        evidence(1, { correctedById: 'ev-2' }),
        evidence(2, { title: '现场检查笔录（补正）', fileName: 'scene-v2.pdf', sha256: HASH_B, correctsId: 'ev-1' }),
      ],
      allowedActions: ['collect'],
    });
    respond = () => json(200, collected, { ETag: '"v3"' });
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByTestId('case-action-collect'));
    expect(screen.getByTestId('case-action-collect')).toHaveTextContent('收集证据');

    const file = new File(['%PDF-1.7 scene'], 'scene-v2.pdf', { type: 'application/pdf' });
    await user.upload(fileInput(), file);
    expect(await screen.findByTestId('case-evidence-uploading')).toHaveTextContent('正在上传 scene-v2.pdf');
    expect(screen.getByTestId('case-fileName')).toHaveValue('scene-v2.pdf');
    const [upload] = calls('/api/v1/enforcement/files');
    expect(upload?.headers.get('Content-Type')).toBe('application/pdf');
    expect(upload?.headers.get('X-CSRF-Token')).toBe('tok-1');
    expect(upload?.body).toBe(file);

    release(json(200, { sha256: HASH_B, size: 14, contentType: 'application/pdf', contentTypeName: 'PDF 文档' }));
    expect(await screen.findByTestId('case-evidence-sha256')).toHaveTextContent(HASH_B);
    expect(screen.getByTestId('case-evidence-stored')).toHaveTextContent('已上传：14 B · PDF 文档');
    expect(screen.queryByTestId('case-evidence-uploading')).not.toBeInTheDocument();

    await choose(user, 'case-evidence-kind', '现场笔录');
    await user.type(screen.getByTestId('case-evidence-name'), '现场检查笔录（补正）');
    await choose(user, 'case-evidence-corrects-id', '#1 现场笔录 · 现场检查笔录 1');
    await user.click(screen.getByTestId('case-action-submit'));

    expect(await screen.findByText('现场检查笔录（补正）', { selector: '[data-testid=case-evidence-title]' }))
      .toBeInTheDocument();
    expect(actionBody('collect')).toEqual([
      {
        ifMatch: '"v2"',
        body: {
          kind: 'scene_record',
          title: '现场检查笔录（补正）',
          sha256: HASH_B,
          fileName: 'scene-v2.pdf',
          collectedOn: countyToday(),
          correctsId: 'ev-1',
          note: null,
        },
      },
    ]);
    expect(screen.queryByTestId('case-action-modal')).not.toBeInTheDocument();
  });

  it('puts a 415 or 413 under the file field in the server’s words; nothing sent without a stored file', async () => {
    current = filedCase({ allowedActions: ['collect'] });
    uploaded = async () =>
      json(415, {
        title: '不支持的文件类型',
        status: 415,
        detail: '证据文件只接受 JPG、PNG、PDF、OFD、MP4 或 MP3。',
        code: 'enforcement.file_type',
      });
    const user = userEvent.setup({ applyAccept: false });
    renderPage();
    await user.click(await screen.findByTestId('case-action-collect'));
    await user.upload(fileInput(), new File(['MZ'], 'tool.exe'));
    await waitFor(() =>
      expect(field('case-evidence-pick')).toHaveTextContent('证据文件只接受 JPG、PNG、PDF、OFD、MP4 或 MP3。'),
    );
    expect(calls('/api/v1/enforcement/files')[0]?.headers.get('Content-Type')).toBe('application/octet-stream');
    expect(screen.queryByTestId('case-evidence-sha256')).not.toBeInTheDocument();

    uploaded = async () =>
      json(413, {
        title: '文件过大', status: 413, detail: '证据文件不能超过 200 MB。', code: 'enforcement.file_too_large',
      });
    await user.upload(fileInput(), new File(['x'], 'video.mp4', { type: 'video/mp4' }));
    await waitFor(() => expect(field('case-evidence-pick')).toHaveTextContent('证据文件不能超过 200 MB。'));
    // the 415 leaves (antd fades it out)
    await waitFor(() => expect(field('case-evidence-pick')).not.toHaveTextContent('证据文件只接受'));
    expect(screen.queryByTestId('problem-alert')).not.toBeInTheDocument();

    await user.click(screen.getByTestId('case-action-submit'));
    expect(await screen.findByText('请选择证据文件并等待上传完成')).toBeInTheDocument();
    expect(actionBody('collect')).toHaveLength(0);
  });

  it('decides on a preserved item still undecided (only those offered)', async () => {
    current = filedCase({
      evidence: [evidence(1), preserved(2, 'released'), preserved(3, null, true), preserved(4, null)],
      allowedActions: ['decide_preservation'],
    });
    respond = () => json(200, { ...current, version: 3 }, { ETag: '"v3"' });
    const user = userEvent.setup();
    renderPage();
    expect(await screen.findByTestId('case-action-decide_preservation')).toHaveTextContent('先行登记保存处理');
    expect(screen.queryByTestId('case-action-collect')).not.toBeInTheDocument();
    expect(screen.queryByTestId('case-action-add_co_owner')).not.toBeInTheDocument();
    await user.click(screen.getByTestId('case-action-decide_preservation'));

    await user.click(within(field('case-preserved-item')).getByRole('combobox'));
    const options = await screen.findAllByText(/#\d/, { selector: '.ant-select-item-option-content' });
    expect(options.map((o) => o.textContent)).toEqual([
      '#3 登记保存物品 3 · 先行登记保存，2026-12-09 前作出处理决定（已超期）',
      '#4 登记保存物品 4 · 先行登记保存，2026-12-09 前作出处理决定',
    ]);
    await user.click(
      screen.getByText('#4 登记保存物品 4 · 先行登记保存，2026-12-09 前作出处理决定', {
        selector: '.ant-select-item-option-content',
      }),
    );
    await choose(user, 'case-preservation-outcome', '依法查封、扣押');
    await user.click(screen.getByTestId('case-action-submit'));

    await waitFor(() => expect(screen.queryByTestId('case-action-modal')).not.toBeInTheDocument());
    expect(actionBody('decide_preservation')).toEqual([
      { ifMatch: '"v2"', body: { evidenceId: 'ev-4', outcome: 'seized', decidedOn: countyToday(), note: null } },
    ]);
  });

  it('adds a county department not yet on the case as 共同办理', async () => {
    current = filedCase({
      coOwners: [{ unitId: 'u-1', name: '县自然资源局', addedOn: '2026-12-03', addedBy: '张科长' }],
      allowedActions: ['add_co_owner'],
    });
    respond = () =>
      json(
        200,
        {
          ...current,
          version: 3,
          coOwners: [
            ...current.coOwners,
            { unitId: 'u-2', name: '县市场监督管理局', addedOn: '2026-12-06', addedBy: '张科长' },
          ],
        },
        { ETag: '"v3"' },
      );
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByTestId('case-action-add_co_owner'));
    await user.click(within(field('case-co-owner-unit')).getByRole('combobox'));
    const options = await screen.findAllByText(/县/, { selector: '.ant-select-item-option-content' });
    expect(options.map((o) => o.textContent)).toEqual(['县市场监督管理局']);
    await user.click(screen.getByText('县市场监督管理局', { selector: '.ant-select-item-option-content' }));
    await user.type(screen.getByTestId('case-note'), '涉及无照经营');
    await user.click(screen.getByTestId('case-action-submit'));

    await waitFor(() =>
      expect(screen.getByTestId('case-co-owners')).toHaveTextContent('共同办理：县自然资源局、县市场监督管理局'),
    );
    expect(actionBody('add_co_owner')).toEqual([
      { ifMatch: '"v2"', body: { unitId: 'u-2', note: '涉及无照经营' } },
    ]);
  });
});
