import type { KpiCatalogueEntry, KpiValueRow } from '../../lib/api/types';

const def = (
  code: string,
  name: string,
  numerator: string,
  denominator: string,
  unit: string,
  target: number | null,
  direction: KpiCatalogueEntry['direction'],
): KpiCatalogueEntry => ({
  code,
  name,
  module: 'enforcement',
  numerator,
  denominator,
  unit,
  target,
  direction,
  levels: ['county', 'township'],
  version: 'EN-2026.2',
  numeratorCounters: [],
  denominatorCounters: [],
});

/** The enforcement KPIs as GET /kpis/definitions?module=enforcement answers them. */
export const enforcementDefinitions: KpiCatalogueEntry[] = [
  def('EN_CASES', '执法案件数', '当月立案的案件数（含简易程序）', '—', '件', null, 'none'),
  def('EN_CLOSURE', '结案率', '当月结案数', '当月立案数', '%', null, 'higher'),
  def('EN_AVG_DAYS', '平均办案天数', '当月结案案件自立案至结案的工作日之和', '当月结案数', '天', null, 'lower'),
  def('EN_OVERDUE', '超期案件数', '当月作出决定时已超过办案期限（含延期）的案件数', '—', '件', null, 'none'),
  def('EN_DISCLOSURE_ONTIME', '执法公示及时率', '当月按期公示的决定数', '当月公示的决定数', '%', 1, 'higher'),
  def('EN_TRANSFER', '移送率', '当月移送县级部门的线索数', '当月处理（立案、不予立案、移送）的线索数', '%', null, 'none'),
  def('EN_SATISFACTION', '执法满意度', '当月满意度调查中满意（含基本满意）的人数', '当月满意度调查的参与人数', '%', 0.9, 'higher'),
];

interface Figures {
  month: string;
  frozen: boolean;
  revision: number;
  region?: { id: string; code: string; name: string };
  /** code → [value, numerator, denominator, met] */
  values: Record<string, [number | null, number, number, boolean | null]>;
}

/** The rows of GET /kpis/values for one region and month. */
export function kpiRows({ month, frozen, revision, region, values }: Figures): KpiValueRow[] {
  const r = region ?? { id: 'county-1', code: '110101', name: '示范县' };
  return enforcementDefinitions
    .filter((d) => values[d.code])
    .map((d) => {
      const [value, numerator, denominator, met] = values[d.code]!;
      return {
        code: d.code,
        name: d.name,
        module: 'enforcement',
        unit: d.unit,
        month,
        regionId: r.id,
        regionCode: r.code,
        regionName: r.name,
        value,
        numerator,
        denominator,
        target: d.target,
        met,
        frozen,
        revision,
        definitionVersion: 'EN-2026.2',
        frozenAt: frozen ? `${month}-28T16:00:00Z` : null,
        computedAt: frozen ? null : `${month}-06T02:00:00Z`,
      };
    });
}
