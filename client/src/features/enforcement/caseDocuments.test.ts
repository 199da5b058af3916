import { describe, expect, it } from 'vitest';
import {
  availableDocuments,
  documentMissing,
  evidenceList,
  hearingPlace,
  isNoPenalty,
  legalBasisText,
  officerLines,
  penaltyLines,
} from './caseDocuments';
import { closedCase, decidedCase, hearingCase, notifiedCase, powerItem } from './caseDocumentTestData';
import { enforcementCase, filedCase } from './caseTestData';

describe('the documents a case has reached', () => {
  it('offers each document from the step that produces it on', () => {
    expect(availableDocuments(enforcementCase())).toEqual([]);
    expect(availableDocuments(filedCase())).toEqual(['filing']);
    expect(availableDocuments(notifiedCase())).toEqual(['filing', 'notice']);
    expect(availableDocuments(hearingCase())).toEqual(['filing', 'notice', 'hearing']);
    expect(availableDocuments(decidedCase())).toEqual(['filing', 'notice', 'decision', 'service']);
    expect(availableDocuments(closedCase())).toEqual(['filing', 'notice', 'decision', 'service', 'closing']);
  });

  it('names what is missing', () => {
    expect(documentMissing('decision', filedCase())).toBe('notDecided');
    expect(documentMissing('closing', decidedCase())).toBe('notClosed');
    expect(documentMissing('notice', filedCase())).toBe('notNotified');
    expect(documentMissing('filing', enforcementCase())).toBe('notFiled');
    // a hearing asked for but not yet set, and one set without a place while the team has no address either
    const asked = { requestedOn: '2026-12-05', notifiedOn: null, hearingOn: null, presider: null, place: null };
    expect(documentMissing('hearing', hearingCase({ hearing: { ...asked, record: null } }))).toBe(
      'hearingNotScheduled',
    );
    const team = { name: '城关镇综合行政执法大队', address: null, phone: null, leaderName: null };
    expect(documentMissing('hearing', hearingCase({ team }))).toBeNull();
    const noPlace = { ...hearingCase().hearing!, place: null };
    expect(documentMissing('hearing', hearingCase({ team, hearing: noPlace }))).toBe('noHearingPlace');
  });

  it('prints the hearing place set with 通知听证, else the team address', () => {
    expect(hearingPlace(hearingCase())).toBe('城关镇人民路 1 号 听证室');
    expect(hearingPlace(hearingCase({ hearing: { ...hearingCase().hearing!, place: null } }))).toBe(
      hearingCase().team!.address,
    );
  });

  it('offers the on-the-spot decision of the simple procedure without a filing form', () => {
    const simple = decidedCase({ procedure: 'simple', filing: null, notice: null });
    expect(availableDocuments(simple)).toEqual(['decision', 'service']);
  });
});

describe('the pieces of the documents', () => {
  it('writes fines and confiscations in figures and 大写, other penalties by name', () => {
    expect(
      penaltyLines({
        kinds: [
          { code: 'warning', name: '警告' },
          { code: 'fine', name: '罚款' },
          { code: 'confiscation', name: '没收违法所得' },
        ],
        fine: 1500,
        confiscation: 320.5,
      }),
    ).toEqual(['警告', '罚款人民币1500元（大写：壹仟伍佰元整）', '没收违法所得人民币320.5元（大写：叁佰贰拾元伍角）']);
    expect(isNoPenalty({ kinds: [{ code: 'none', name: '不予处罚' }] })).toBe(true);
    expect(isNoPenalty({ kinds: [{ code: 'fine', name: '罚款' }] })).toBe(false);
  });

  it('cites the item’s legal basis as laws with their articles', () => {
    expect(legalBasisText(powerItem.current)).toBe('《城市市容和环境卫生管理条例》第十四条、第三十六条');
    expect(legalBasisText({ legalBasis: [{ law: '《中华人民共和国食品安全法》', article: null, text: null }] })).toBe(
      '《中华人民共和国食品安全法》',
    );
    expect(legalBasisText({ legalBasis: [] })).toBeNull();
    expect(legalBasisText(null)).toBeNull();
  });

  it('lists the evidence in force (a corrected item gives way to its correction), officers with certificates', () => {
    expect(evidenceList(decidedCase())).toEqual([
      '现场检查笔录（现场笔录，2026年12月2日）',
      '占道现场照片（照片，2026年12月2日）',
    ]);
    expect(officerLines(filedCase())).toEqual(['李执法（执法证号：ZF-001）', '赵执法（执法证号：ZF-002）']);
  });
});
