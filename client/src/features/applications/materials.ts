// 收件清单: the guide's materials ticked at the window, and the printable notices that list them.
import type { ApplicationItemOption, ApplicationMaterial, MaterialCheck, ReceivedForm } from '../../lib/api/types';

/** A material of the item's guide (name, form, copies, required). */
export type GuideMaterial = ApplicationItemOption['materials'][number];

/** How the clerk ticks one material: received as an original or a copy, or missing. */
export type Tick = ReceivedForm | 'missing';

export const TICKS: readonly Tick[] = ['original', 'copy', 'missing'];

/** The checklist a new registration starts with: every material missing until ticked. */
export function initialTicks(materials: readonly GuideMaterial[]): Tick[] {
  return materials.map(() => 'missing');
}

/** The request's checklist: one line per guide material, in the guide's order. */
export function materialChecks(materials: readonly GuideMaterial[], ticks: readonly Tick[]): MaterialCheck[] {
  return materials.map((m, i) => {
    const tick = ticks[i] ?? 'missing';
    return tick === 'missing'
      ? { name: m.name, status: 'missing', receivedForm: null }
      : { name: m.name, status: 'received', receivedForm: tick };
  });
}

/** The required materials still missing (the form warns; registering is still allowed). */
export function requiredMissing(materials: readonly GuideMaterial[], ticks: readonly Tick[]): string[] {
  return materials.filter((m, i) => m.required && (ticks[i] ?? 'missing') === 'missing').map((m) => m.name);
}

export const received = (list: readonly ApplicationMaterial[]) => list.filter((m) => m.status === 'received');
export const notReceived = (list: readonly ApplicationMaterial[]) => list.filter((m) => m.status !== 'received');
export const requested = (list: readonly ApplicationMaterial[]) => list.filter((m) => m.status === 'requested');

/** The printable notices of an application (route `/services/applications/:id/notices/:kind`). */
export const NOTICE_KINDS = ['notice', 'rectification', 'checklist'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const isNoticeKind = (s: string | undefined): s is NoticeKind => NOTICE_KINDS.includes(s as NoticeKind);

/** The 补正通知书 is there while a 补正 is open; the others always once a checklist exists. */
export function noticesFor(a: { state: string; materials: readonly ApplicationMaterial[] }): NoticeKind[] {
  if (a.materials.length === 0) return [];
  return NOTICE_KINDS.filter((k) => k !== 'rectification' || a.state === 'suspended');
}
