// Disclosures as the API sends them (for the tests of the 执法公示 pages).
import type { Disclosure, PublicDisclosure } from '../../lib/api/types';

/** A penalty decided on 2026-12-01, due on 2026-12-10, not yet published: the leadership may publish it. */
export function disclosure(overrides: Partial<Disclosure> = {}): Disclosure {
  return {
    id: 'd-1',
    caseId: 'case-1',
    state: 'pending',
    stateName: '待公示',
    kind: 'penalty',
    decidedOn: '2026-12-01',
    dueOn: '2026-12-10',
    late: false,
    publishedOn: null,
    revokedOn: null,
    retractedOn: null,
    retractionDueOn: null,
    retractionReason: null,
    decisionNo: '城关综执罚决〔2026〕17号',
    townshipName: null,
    domainName: null,
    partyKind: null,
    partyDisplay: null,
    creditCode: null,
    facts: null,
    penalty: null,
    legalBasis: null,
    allowedActions: ['publish'],
    version: 1,
    ...overrides,
  };
}

/** The same disclosure once published on 2026-12-03 (the party, a person, masked). */
export function publishedDisclosure(overrides: Partial<Disclosure> = {}): Disclosure {
  return disclosure({
    state: 'published',
    stateName: '已公示',
    publishedOn: '2026-12-03',
    townshipName: '城关镇',
    domainName: '城市管理',
    partyKind: 'person',
    partyDisplay: '王*',
    facts: '占道经营，堆放货物',
    penalty: '罚款 500 元',
    legalBasis: '《城市市容和环境卫生管理条例》第三十六条',
    allowedActions: ['retract'],
    version: 2,
    ...overrides,
  });
}

/** An entry of the public list. */
export function publicDisclosure(overrides: Partial<PublicDisclosure> = {}): PublicDisclosure {
  return {
    id: 'p-1',
    state: 'published',
    decisionNo: '城关综执罚决〔2026〕17号',
    decidedOn: '2026-12-01',
    publishedOn: '2026-12-03',
    townshipName: '城关镇',
    domainName: '城市管理',
    partyDisplay: '王*',
    creditCode: null,
    facts: '占道经营，堆放货物',
    penalty: '罚款 500 元',
    legalBasis: '《城市市容和环境卫生管理条例》第三十六条',
    retractedOn: null,
    retractionReason: null,
    ...overrides,
  };
}
