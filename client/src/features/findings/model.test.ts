import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { FindingCount, FindingModule } from '../../lib/api/types';
import zh from '../../locales/zh-CN.json';
import en from '../../locales/en.json';
import {
  figureFindingValues,
  findingAllowedActionsOf,
  findingFilterFromQuery,
  findingNoteBody,
  findingRequestBody,
  pivotSummary,
  recordPath,
  textRequired,
  visibleFindingActions,
  FINDING_ACTIONS,
  FINDING_RECORD_TYPES,
  isFindingRecordType,
  recordModules,
} from './model';

const RECORD_ID = '0190f3a2-1b2c-7d3e-8f40-123456789abc';
const REGION_ID = '0190f3a2-0000-7000-8000-000000000001';

describe('posting a finding', () => {
  it('sends a record by module, type and trimmed id, every figure field null', () => {
    expect(
      findingRequestBody({
        subject: { kind: 'record', module: 'service_centre', recordType: 'application', recordId: ` ${RECORD_ID} ` },
        severity: 'high',
        title: ' 超期未办结 ',
        text: ' 办件超期 3 个工作日。 ',
      }),
    ).toEqual({
      subject: {
        module: 'service_centre',
        recordType: 'application',
        recordId: RECORD_ID,
        kpiCode: null,
        regionId: null,
        month: null,
        revision: null,
      },
      severity: 'high',
      title: '超期未办结',
      text: '办件超期 3 个工作日。',
    });
  });

  it('sends a KPI figure by code, region, yyyy-MM and revision (the KPI’s module), the record fields null', () => {
    const body = findingRequestBody({
      subject: {
        kind: 'figure',
        module: 'staffing',
        recordType: 'transfer',
        recordId: RECORD_ID,
        kpiCode: 'SC_ONTIME',
        regionId: REGION_ID,
        month: dayjs('2026-10-01'),
        revision: 2,
      },
      severity: 'low',
      title: '数值',
      text: '口径不一致',
    });
    expect(body.subject).toEqual({
      module: null,
      recordType: null,
      recordId: null,
      kpiCode: 'SC_ONTIME',
      regionId: REGION_ID,
      month: '2026-10',
      revision: 2,
    });
  });

  it('starts a finding on a frozen figure with the figure quoted: code, region, month and the row’s revision', () => {
    const values = figureFindingValues({ code: 'EN_CLOSURE', regionId: REGION_ID, month: '2026-11', revision: 2 });
    expect(values.subject?.kind).toBe('figure');
    expect(values.subject?.month?.format('YYYY-MM-DD')).toBe('2026-11-01');
    expect(values.severity).toBe('medium');
    const body = findingRequestBody({ ...values, title: '结案率', text: '与台账不符' });
    expect(body.subject).toEqual({
      module: null,
      recordType: null,
      recordId: null,
      kpiCode: 'EN_CLOSURE',
      regionId: REGION_ID,
      month: '2026-11',
      revision: 2,
    });
  });

  it('leaves out nothing the API must judge: blanks become null for its field errors', () => {
    expect(findingRequestBody({ subject: { kind: 'record' }, title: '  ', text: '' })).toEqual({
      subject: {
        module: null,
        recordType: null,
        recordId: null,
        kpiCode: null,
        regionId: null,
        month: null,
        revision: null,
      },
      severity: null,
      title: null,
      text: null,
    });
  });

  it('names every kind of record in both languages, and offers the modules the API’s kinds come from', () => {
    for (const r of FINDING_RECORD_TYPES) {
      expect(zh.findings.recordTypes[r]).toBeTruthy();
      expect(en.findings.recordTypes[r]).toBeTruthy();
    }
    expect(zh.findings.recordTypes.post_request).toBe('编制使用申请');
    const kind = (module: FindingModule, recordType: string) => ({ module, moduleName: '', recordType, name: '' });
    expect(recordModules([kind('enforcement', 'case'), kind('service_centre', 'application')])).toEqual([
      'service_centre',
      'enforcement',
    ]);
    expect(isFindingRecordType('queue_ticket')).toBe(false);
  });
});

describe('the thread’s actions', () => {
  it('shows exactly the allowed actions the client knows, in its order', () => {
    expect(visibleFindingActions({ allowedActions: ['dispute', 'accept', 'reopen'] })).toEqual(['accept', 'dispute']);
    expect(visibleFindingActions({ allowedActions: [] })).toEqual([]);
    expect(findingAllowedActionsOf({ allowedActions: ['close'] })).toEqual(['close']);
    expect(findingAllowedActionsOf({})).toEqual([]);
  });

  it('requires a text to amend, answer or dispute, not to accept or close', () => {
    expect(FINDING_ACTIONS.filter(textRequired)).toEqual(['answer', 'amend', 'dispute']);
    expect(findingNoteBody({ text: '  ' })).toEqual({ text: null });
    expect(findingNoteBody({ text: ' 已整改 ' })).toEqual({ text: '已整改' });
  });

  it('labels every action in Chinese', () => {
    expect(zh.findings.actions).toMatchObject({
      amend: '补充意见',
      answer: '答复',
      accept: '认可答复',
      dispute: '提出异议',
      close: '关闭',
    });
    for (const a of [...FINDING_ACTIONS, 'post'] as const) expect(en.findings.actions[a]).toBeTruthy();
  });
});

describe('the list', () => {
  it('reads the filters from the query string, dropping unknown values', () => {
    expect(
      findingFilterFromQuery({
        state: 'disputed',
        module: 'staffing',
        severity: 'high',
        regionId: REGION_ID,
        q: ' 超期 ',
      }),
    ).toEqual({
      state: 'disputed',
      module: 'staffing',
      severity: 'high',
      regionId: REGION_ID,
      q: '超期',
    });
    expect(findingFilterFromQuery({ state: 'pending', module: 'kpis', severity: 'urgent', q: ' ' })).toEqual({
      state: undefined,
      module: undefined,
      severity: undefined,
      regionId: undefined,
      q: undefined,
    });
  });

  it('keeps the filter of what waits for the agency (open and disputed)', () => {
    expect(findingFilterFromQuery({ state: 'waiting' }).state).toBe('waiting');
  });

  it('links a record to its page where the SPA has one', () => {
    expect(recordPath({ module: 'enforcement', recordType: 'case', recordId: RECORD_ID })).toBe(
      `/enforcement/cases/${RECORD_ID}`,
    );
    expect(recordPath({ module: 'staffing', recordType: 'post_request', recordId: RECORD_ID })).toBe(
      `/staffing/requests/${RECORD_ID}`,
    );
    expect(recordPath({ module: 'power_lists', recordType: 'entry', recordId: RECORD_ID })).toBeNull();
    expect(recordPath({ module: 'service_centre', recordType: null, recordId: null })).toBeNull();
  });
});

describe('the overview', () => {
  const count = (
    regionName: string,
    module: FindingCount['module'],
    open: number,
    answered: number,
    total: number,
  ): FindingCount => ({
    regionId: `id-${regionName}`,
    regionName,
    module,
    moduleName: module,
    open,
    answered,
    total,
  });

  it('pivots to townships in the API’s order × the modules that have findings, with each township’s totals', () => {
    const { modules, rows } = pivotSummary([
      count('城关镇', 'staffing', 1, 0, 2),
      count('城关镇', 'service_centre', 2, 1, 4),
      count('河口乡', 'service_centre', 0, 1, 1),
    ]);
    expect(modules).toEqual(['service_centre', 'staffing']);
    expect(rows.map((r) => [r.regionId, r.regionName, r.open, r.total])).toEqual([
      ['id-城关镇', '城关镇', 3, 6],
      ['id-河口乡', '河口乡', 0, 1],
    ]);
    expect(rows[0]?.cells.service_centre).toEqual({ open: 2, answered: 1, total: 4 });
    expect(rows[1]?.cells.staffing).toBeUndefined();
  });

  it('adds up rows of the same township and module', () => {
    const { rows } = pivotSummary([count('城关镇', 'enforcement', 1, 0, 1), count('城关镇', 'enforcement', 0, 1, 3)]);
    expect(rows).toEqual([
      {
        regionId: 'id-城关镇',
        regionName: '城关镇',
        cells: { enforcement: { open: 1, answered: 1, total: 4 } },
        open: 1,
        total: 4,
      },
    ]);
  });
});
