// The printable documents of a case (案卷文书, 行政处罚法 and the county's case-file list): which the case has
// reached, and the pieces of their text that come from the case — the party, the penalty, the legal basis, the
// evidence list, the officers with their 执法证号. The documents are legal instruments and print in Chinese whatever
// the UI's language.
import type { EnforcementCase, PowerItemVersion, WorkflowEvent } from '../../lib/api/types';
import { chineseDate } from '../../lib/dates';
import { yuanInWords } from '../../lib/money';
import { formatAmount } from './caseModel';

/** 立案审批表, 行政处罚事先告知书, 听证告知书, 行政处罚决定书, 送达回证, 结案审批表 — in the order of the procedure. */
export const CASE_DOCUMENTS = ['filing', 'notice', 'hearing', 'decision', 'service', 'closing'] as const;
export type CaseDocument = (typeof CASE_DOCUMENTS)[number];

export const isCaseDocument = (v: unknown): v is CaseDocument =>
  typeof v === 'string' && (CASE_DOCUMENTS as readonly string[]).includes(v);

/** The documents' titles as printed (the same in every UI language). */
export const DOCUMENT_TITLES: Record<CaseDocument, string> = {
  filing: '立案审批表',
  notice: '行政处罚事先告知书',
  hearing: '听证告知书',
  decision: '行政处罚决定书',
  service: '送达回证',
  closing: '结案审批表',
};

/** Why a document cannot be printed yet: the step that produces it has not happened, or a fact it needs is missing. */
export type DocumentMissing =
  | 'notFiled'
  | 'notNotified'
  | 'hearingNotScheduled'
  | 'noHearingPlace'
  | 'notDecided'
  | 'notClosed';

/**
 * What keeps a document from being printed, or null when the case has reached the step that produces it:
 * 立案审批表 once filed, 告知书 once notified, 听证告知书 once the hearing is set (date, presiding officer and
 * place), 决定书 and its 送达回证 once decided, 结案审批表 once closed.
 */
export function documentMissing(doc: CaseDocument, c: EnforcementCase): DocumentMissing | null {
  switch (doc) {
    case 'filing':
      return c.filing ? null : 'notFiled';
    case 'notice':
      return c.notice ? null : 'notNotified';
    case 'hearing': {
      const h = c.hearing;
      if (!h?.notifiedOn || !h.hearingOn || !h.presider) return 'hearingNotScheduled';
      return hearingPlace(c) ? null : 'noHearingPlace';
    }
    case 'decision':
    case 'service':
      return c.decision ? null : 'notDecided';
    case 'closing':
      return c.closedOn ? null : 'notClosed';
  }
}

/** Where the hearing is held: the place set with 通知听证, or the team's address for hearings set before the place
 * was recorded. */
export function hearingPlace(c: Pick<EnforcementCase, 'hearing' | 'team'>): string | null {
  return c.hearing?.place ?? c.team?.address ?? null;
}

/** The documents the case's 打印文书 menu offers: those it has reached, in the order of the procedure. */
export function availableDocuments(c: EnforcementCase): CaseDocument[] {
  return CASE_DOCUMENTS.filter((d) => documentMissing(d, c) === null);
}

/** The latest timeline entry of a step (who approved 立案 or 结案, who served the decision, with the note). */
export function lastEvent(c: Pick<EnforcementCase, 'events'>, action: string): WorkflowEvent | undefined {
  return c.events.filter((e) => e.action === action).at(-1);
}

/** 你 or 你单位, as the documents address the party. */
export function partyYou(c: Pick<EnforcementCase, 'partyKind'>): string {
  return c.partyKind === 'organisation' ? '你单位' : '你';
}

/** The label of the party's number: 统一社会信用代码 for an organisation, 公民身份号码 for a person. */
export function partyIdLabel(c: Pick<EnforcementCase, 'partyKind'>): string {
  return c.partyKind === 'organisation' ? '统一社会信用代码' : '公民身份号码';
}

/** 人民币800元（大写：捌佰元整）. */
export function yuanText(amount: number): string {
  return `人民币${formatAmount(amount)}元（大写：${yuanInWords(amount)}）`;
}

interface Penalty {
  kinds: readonly { code: string; name: string }[];
  fine: number | null;
  confiscation: number | null;
}

/** The penalties one by one: 罚款 and 没收 with their amounts in figures and 大写, the others by name. */
export function penaltyLines(p: Penalty): string[] {
  return p.kinds
    .filter((k) => k.code !== 'none')
    .map((k) => {
      if (k.code === 'fine' && p.fine != null) return `${k.name}${yuanText(p.fine)}`;
      if (k.code === 'confiscation' && p.confiscation != null) return `${k.name}${yuanText(p.confiscation)}`;
      return k.name;
    });
}

/** A decision of 不予行政处罚 (the only kind chosen is none). */
export function isNoPenalty(p: Pick<Penalty, 'kinds'>): boolean {
  return p.kinds.length > 0 && p.kinds.every((k) => k.code === 'none');
}

/** The power item's legal basis as cited: 《中华人民共和国××法》第×条, joined by 、; null when none is recorded. */
export function legalBasisText(item: Pick<PowerItemVersion, 'legalBasis'> | null | undefined): string | null {
  const list = item?.legalBasis ?? [];
  if (list.length === 0) return null;
  return list
    .map((b) => {
      const law = b.law.startsWith('《') ? b.law : `《${b.law}》`;
      return `${law}${b.article ?? ''}`;
    })
    .join('、');
}

/** The evidence the decision rests on: the items in force (a corrected item is replaced by its correction). */
export function evidenceList(c: Pick<EnforcementCase, 'evidence'>): string[] {
  return c.evidence
    .filter((e) => e.correctedById == null)
    .map((e) => `${e.title}（${e.kindName}，${chineseDate(e.collectedOn)}）`);
}

/** The officers on the case as documents list them: 李执法（执法证号：ZF-001）. */
export function officerLines(c: Pick<EnforcementCase, 'officers'>): string[] {
  return c.officers.map((o) => `${o.name}（执法证号：${o.certificateNumber}）`);
}
