import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import type { StaffingKpiMonth, TransferSummary } from '../../lib/api/types';
import {
  establishmentState,
  formatKpi,
  kpiChartOption,
  fromIdNumber,
  isDangerAction,
  postsLeft,
  GUIDANCE_COLORS,
  linePosts,
  needsHigherApproval,
  signed,
  sumTotals,
  toTransferRequest,
  transferChartOption,
} from './model';

describe('the ledger', () => {
  it('sums the totals of every kind and funding', () => {
    expect(
      sumTotals([
        { approved: 10, occupied: 8, reserved: 1, vacant: 1, leaderPosts: 3, leadersHeld: 2, leadersVacant: 1 },
        { approved: 5, occupied: 5, reserved: 0, vacant: 0, leaderPosts: 1, leadersHeld: 1, leadersVacant: 0 },
      ]),
    ).toEqual({ approved: 15, occupied: 13, reserved: 1, vacant: 1, leaderPosts: 4, leadersHeld: 3, leadersVacant: 1 });
  });

  it('tells an establishment over its posts from one covered by an exception', () => {
    expect(establishmentState({ approved: 5, occupied: 3, reserved: 1, exceptionPosts: 0 })).toBe('vacant');
    expect(establishmentState({ approved: 5, occupied: 4, reserved: 1, exceptionPosts: 0 })).toBe('full');
    expect(establishmentState({ approved: 5, occupied: 6, reserved: 0, exceptionPosts: 1 })).toBe('excepted');
    expect(establishmentState({ approved: 5, occupied: 6, reserved: 1, exceptionPosts: 1 })).toBe('over');
  });

  it('shows changes signed and no change blank', () => {
    expect(signed(3)).toBe('+3');
    expect(signed(-2)).toBe('−2');
    expect(signed(0)).toBe('');
  });
});

describe('a transfer', () => {
  it('needs the higher approval only when a line moves 行政编制', () => {
    expect(needsHigherApproval([{ kind: 'institution' }, undefined])).toBe(false);
    expect(needsHigherApproval([{ kind: 'institution' }, { kind: 'administrative' }])).toBe(true);
    expect(needsHigherApproval(undefined)).toBe(false);
  });

  it('is sent with dates as YYYY-MM-DD and blanks as null', () => {
    const body = toTransferRequest({
      documentNo: ' 清编〔2026〕1号 ',
      documentDate: dayjs('2026-03-01'),
      approvedBy: '县编委',
      higherApproval: '  ',
      effectiveOn: dayjs('2026-04-01'),
      lines: [{ fromUnitId: 'a', toUnitId: 'b', kind: 'institution', funding: 'full', posts: 2, purpose: 'service' }, {}],
    });
    expect(body).toEqual({
      documentNo: '清编〔2026〕1号',
      documentDate: '2026-03-01',
      approvedBy: '县编委',
      higherApproval: null,
      effectiveOn: '2026-04-01',
      note: null,
      lines: [
        { fromUnitId: 'a', toUnitId: 'b', kind: 'institution', funding: 'full', posts: 2, purpose: 'service' },
        { fromUnitId: null, toUnitId: null, kind: null, funding: null, posts: null, purpose: null },
      ],
    });
  });

  it('counts the posts of the lines typed so far', () => {
    expect(linePosts([{ posts: 2 }, undefined, { posts: 3 }, {}])).toBe(5);
  });
});

describe('the 下沉编制 chart', () => {
  const summary: TransferSummary = {
    min: 10,
    max: 15,
    total: 31,
    townships: [
      { townshipId: '1', townshipName: '城关镇', posts: 8, byYear: [], guidance: 'below' },
      { townshipId: '2', townshipName: '河口乡', posts: 12, byYear: [], guidance: 'within' },
      { townshipId: '3', townshipName: '东山镇', posts: 11, byYear: [], guidance: 'above' },
    ],
  };

  it('colours each township by the guidance and draws the range', () => {
    const option = transferChartOption(summary, { posts: '编制数', min: '下限', max: '上限' }) as {
      xAxis: { data: string[] };
      series: { data: { value: number; itemStyle: { color: string } }[]; markLine: { data: { yAxis: number }[] } }[];
    };
    expect(option.xAxis.data).toEqual(['城关镇', '河口乡', '东山镇']);
    expect(option.series[0]!.data.map((d) => d.itemStyle.color)).toEqual([
      GUIDANCE_COLORS.below,
      GUIDANCE_COLORS.within,
      GUIDANCE_COLORS.above,
    ]);
    expect(option.series[0]!.markLine.data.map((d) => d.yAxis)).toEqual([10, 15]);
  });
});

describe('requests and people', () => {
  it('leaves posts for 入编 only on an approved request', () => {
    expect(postsLeft({ state: 'approved', posts: 3, used: 1 })).toBe(2);
    expect(postsLeft({ state: 'approved', posts: 1, used: 1 })).toBe(0);
    expect(postsLeft({ state: 'submitted', posts: 3, used: 0 })).toBe(0);
  });

  it('reads the birth date and gender from a whole ID number', () => {
    expect(fromIdNumber('11010519491231002X')).toEqual({ birthDate: '1949-12-31', gender: 'female' });
    expect(fromIdNumber(' 110105199001010031 ')).toEqual({ birthDate: '1990-01-01', gender: 'male' });
    expect(fromIdNumber('1101051990010100')).toBeUndefined();
    expect(fromIdNumber('110105199002300031')).toBeUndefined();
    expect(fromIdNumber(undefined)).toBeUndefined();
  });

  it('shows every ending action but approval as a danger', () => {
    expect(isDangerAction('approve')).toBe(false);
    expect(isDangerAction('reject')).toBe(true);
  });
});

describe('编制指标', () => {
  const month = (m: string, match: number | null): StaffingKpiMonth => ({
    month: m,
    asOf: `${m}-28`,
    frozen: false,
    revision: 0,
    values: [
      { code: 'ST_MATCH', name: '编制匹配率', value: match, numerator: 86, denominator: 100, target: 1, met: false },
      { code: 'ST_VACANCIES', name: '空编数', value: 443, numerator: 443, denominator: 0, target: null, met: null },
    ],
    byRegion: [],
  });

  it('shows rates in percent and counts as whole numbers', () => {
    expect(formatKpi({ value: 0.8582, denominator: 3125 })).toBe('85.8%');
    expect(formatKpi({ value: 443, denominator: 0 })).toBe('443');
    expect(formatKpi({ value: null, denominator: 0 })).toBe('—');
  });

  it('draws only the rates, in percent, with a gap where a month has none', () => {
    const option = kpiChartOption([month('2026-11', 0.86), month('2026-12', null)]) as {
      xAxis: { data: string[] };
      series: { name: string; data: (number | null)[] }[];
    };
    expect(option.xAxis.data).toEqual(['2026-11', '2026-12']);
    expect(option.series).toEqual([expect.objectContaining({ name: '编制匹配率', data: [86, null] })]);
  });
});
