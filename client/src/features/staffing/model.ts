import type { Dayjs } from 'dayjs';
import type {
  CreateTransferRequest,
  Education,
  EntryKind,
  ExitKind,
  PostRequest,
  PostRequestAction,
  PostRequestState,
  StaffingKpiMonth,
  StaffingKpiValue,
  LedgerRow,
  LedgerTotal,
  PostFunding,
  PostKind,
  TransferGuidance,
  TransferPurpose,
  TransferSummary,
} from '../../lib/api/types';

export const POST_KINDS: readonly PostKind[] = ['administrative', 'institution'];
export const POST_FUNDINGS: readonly PostFunding[] = ['full', 'partial', 'self'];
export const TRANSFER_PURPOSES: readonly TransferPurpose[] = ['enforcement', 'service', 'agriculture', 'governance', 'other'];

export function isPostKind(v: string | undefined): v is PostKind {
  return !!v && (POST_KINDS as readonly string[]).includes(v);
}

export function isPostFunding(v: string | undefined): v is PostFunding {
  return !!v && (POST_FUNDINGS as readonly string[]).includes(v);
}

/** The figures of several totals summed (the ledger's 合计 over every kind and funding). */
export type TotalFigures = Pick<
  LedgerTotal,
  'approved' | 'occupied' | 'reserved' | 'vacant' | 'leaderPosts' | 'leadersHeld' | 'leadersVacant'
>;

/** The figures of every kind and funding together, 领导职数 included. */
export function sumTotals(totals: readonly TotalFigures[]): TotalFigures {
  return totals.reduce(
    (s, x) => ({
      approved: s.approved + x.approved,
      occupied: s.occupied + x.occupied,
      reserved: s.reserved + x.reserved,
      vacant: s.vacant + x.vacant,
      leaderPosts: s.leaderPosts + x.leaderPosts,
      leadersHeld: s.leadersHeld + x.leadersHeld,
      leadersVacant: s.leadersVacant + x.leadersVacant,
    }),
    { approved: 0, occupied: 0, reserved: 0, vacant: 0, leaderPosts: 0, leadersHeld: 0, leadersVacant: 0 },
  );
}

/**
 * How an establishment stands: `over` when its occupants and reservations exceed the approved posts (allowed only
 * under a 超编 exception, and then `excepted`), `full` with no vacancy, else `vacant`.
 */
export function establishmentState(
  row: Pick<LedgerRow, 'approved' | 'occupied' | 'reserved' | 'exceptionPosts'>,
): 'over' | 'excepted' | 'full' | 'vacant' {
  const used = row.occupied + row.reserved;
  if (used > row.approved + row.exceptionPosts) return 'over';
  if (used > row.approved) return 'excepted';
  return used === row.approved ? 'full' : 'vacant';
}

/** A change of a figure as the statement shows it: +3, −2, or blank for none. */
export function signed(delta: number): string {
  if (delta === 0) return '';
  return delta > 0 ? `+${delta}` : `−${-delta}`;
}

// ---------- transfers ----------

export interface TransferLineValues {
  fromUnitId?: string;
  toUnitId?: string;
  kind?: PostKind;
  funding?: PostFunding;
  posts?: number;
  purpose?: TransferPurpose;
}

export interface TransferFormValues {
  documentNo?: string;
  documentDate?: Dayjs;
  approvedBy?: string;
  higherApproval?: string;
  effectiveOn?: Dayjs;
  note?: string;
  lines?: TransferLineValues[];
}

/** A transfer of 行政编制 between levels needs the higher approval's number (编制管理条例 art. 18). */
export function needsHigherApproval(lines: readonly (TransferLineValues | undefined)[] | undefined): boolean {
  return (lines ?? []).some((l) => l?.kind === 'administrative');
}

const text = (s: string | undefined) => {
  const v = s?.trim();
  return v ? v : null;
};

/** The form's values as the API takes them (dates as YYYY-MM-DD, blanks as null; the API validates the rest). */
export function toTransferRequest(v: TransferFormValues): CreateTransferRequest {
  return {
    documentNo: text(v.documentNo),
    documentDate: v.documentDate ? v.documentDate.format('YYYY-MM-DD') : null,
    approvedBy: text(v.approvedBy),
    higherApproval: text(v.higherApproval),
    effectiveOn: v.effectiveOn ? v.effectiveOn.format('YYYY-MM-DD') : null,
    note: text(v.note),
    lines: (v.lines ?? []).map(
      (l) => ({
        fromUnitId: l.fromUnitId ?? null,
        toUnitId: l.toUnitId ?? null,
        kind: l.kind ?? null,
        funding: l.funding ?? null,
        posts: l.posts ?? null,
        purpose: l.purpose ?? null,
      }),
    ),
  };
}

/** The total of the lines' posts (shown under the lines while typing). */
export function linePosts(lines: readonly (TransferLineValues | undefined)[] | undefined): number {
  return (lines ?? []).reduce((s, l) => s + (l?.posts ?? 0), 0);
}

export const GUIDANCE_COLORS: Record<TransferGuidance, string> = {
  below: '#d46b08',
  within: '#389e0d',
  above: '#cf1322',
};

/** 下沉编制 by township as a bar chart: bars coloured by the guidance, the range drawn as two lines. */
export function transferChartOption(
  summary: TransferSummary,
  labels: { posts: string; min: string; max: string },
): object {
  const townships = summary.townships;
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 48, right: 24, top: 32, bottom: 72 },
    xAxis: {
      type: 'category',
      data: townships.map((x) => x.townshipName),
      axisLabel: { interval: 0, rotate: townships.length > 8 ? 40 : 0 },
    },
    yAxis: { type: 'value', name: labels.posts, minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: labels.posts,
        data: townships.map((x) => ({ value: x.posts, itemStyle: { color: GUIDANCE_COLORS[x.guidance] } })),
        label: { show: true, position: 'top' },
        markLine: {
          symbol: 'none',
          lineStyle: { type: 'dashed', color: '#8c8c8c' },
          data: [
            { yAxis: summary.min, name: labels.min, label: { formatter: labels.min, position: 'insideEndTop' } },
            { yAxis: summary.max, name: labels.max, label: { formatter: labels.max, position: 'insideEndTop' } },
          ],
        },
      },
    ],
  };
}

// ---------- requests and people ----------

export const ENTRY_KINDS: readonly EntryKind[] = ['recruitment', 'transfer_in', 'selection', 'reassignment'];
export const EXIT_KINDS: readonly ExitKind[] = ['transfer_out', 'retirement', 'resignation', 'dismissal', 'death'];
export const EDUCATIONS: readonly Education[] = ['postgraduate', 'bachelor', 'college', 'secondary', 'other'];
export const REQUEST_STATES: readonly PostRequestState[] = ['submitted', 'approved', 'rejected', 'withdrawn', 'cancelled'];
export const REQUEST_ACTIONS: readonly PostRequestAction[] = ['approve', 'reject', 'withdraw', 'cancel'];

export function isRequestState(v: string | undefined): v is PostRequestState {
  return !!v && (REQUEST_STATES as readonly string[]).includes(v);
}

/** The actions that end a request without using it (shown as danger buttons). */
export function isDangerAction(a: PostRequestAction): boolean {
  return a !== 'approve';
}

/** Posts of an approved request still free for 入编 (0 unless it is approved). */
export function postsLeft(r: Pick<PostRequest, 'state' | 'posts' | 'used'>): number {
  return r.state === 'approved' ? Math.max(0, r.posts - r.used) : 0;
}

/**
 * The birth date and gender an 18-digit ID number carries (GB 11643: digits 7–14 the date, the 17th odd for men), to
 * fill the 入编 form as the number is typed; undefined while it is not a whole, plausible number (the API checks it).
 */
export function fromIdNumber(idNumber: string | undefined): { birthDate: string; gender: 'male' | 'female' } | undefined {
  const v = idNumber?.trim().toUpperCase() ?? '';
  if (!/^\d{17}[\dX]$/.test(v)) return undefined;
  const y = Number(v.slice(6, 10));
  const m = Number(v.slice(10, 12));
  const d = Number(v.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return { birthDate: v.slice(6, 10) + '-' + v.slice(10, 12) + '-' + v.slice(12, 14), gender: Number(v[16]) % 2 === 1 ? 'male' : 'female' };
}

const REQUEST_EVENTS = ['submit', ...REQUEST_ACTIONS] as const;

/** A step of a request's timeline the client names (submit or one of the actions). */
export function isRequestEvent(action: string): action is (typeof REQUEST_EVENTS)[number] {
  return (REQUEST_EVENTS as readonly string[]).includes(action);
}

// ---------- KPIs ----------

/** A rate (it has a denominator) as a percentage with one decimal, a count as a whole number; no value as —. */
export function formatKpi(v: Pick<StaffingKpiValue, 'value' | 'denominator'>): string {
  if (v.value === null) return '—';
  return v.denominator > 0 ? `${(v.value * 100).toFixed(1)}%` : String(Math.round(v.value));
}

/** The KPIs that are rates (drawn as lines in percent), by the codes of the months' values in their order. */
export function rateCodes(months: readonly StaffingKpiMonth[]): string[] {
  const codes: string[] = [];
  for (const m of months)
    for (const v of m.values) if (v.denominator > 0 && !codes.includes(v.code)) codes.push(v.code);
  return codes;
}

/** The rates over the months as a line chart (percent), each KPI one line; a month without a value leaves a gap. */
export function kpiChartOption(months: readonly StaffingKpiMonth[]): object {
  const codes = rateCodes(months);
  const nameOf = (code: string) => months.flatMap((m) => m.values).find((v) => v.code === code)?.name ?? code;
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null ? '—' : `${v}%`) },
    legend: { top: 0 },
    grid: { left: 48, right: 24, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: months.map((m) => m.month) },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: codes.map((code) => ({
      type: 'line',
      name: nameOf(code),
      data: months.map((m) => {
        const v = m.values.find((x) => x.code === code)?.value;
        return v === null || v === undefined ? null : Math.round(v * 1000) / 10;
      }),
    })),
  };
}
