import { describe, expect, it } from 'vitest';
import zhCN from '../../locales/zh-CN.json';
import en from '../../locales/en.json';
import {
  ASSESSMENT_ACTIONS,
  ASSESSMENT_STATES,
  CAMPAIGN_ACTIONS,
  CAMPAIGN_STATES,
  GRADES,
  SECONDEE_STATES,
  WORK_AREAS,
} from './secondment';

// The 选派 codes the pages know (the API's values; ArchitectureTests' StaffingLocaleTests holds the server's side to
// the same locale objects) each have a label, and no label names a code that does not exist.
const lists: [keyof typeof zhCN.staffing.secondment, readonly string[]][] = [
  ['secondeeState', SECONDEE_STATES],
  ['grade', GRADES],
  ['workArea', WORK_AREAS],
  ['assessmentState', ASSESSMENT_STATES],
  ['assessmentActions', ASSESSMENT_ACTIONS],
  ['campaignState', CAMPAIGN_STATES],
  ['actions', CAMPAIGN_ACTIONS],
  ['outcome', ['converted', 'returned', 'kept']],
];

describe('选派 labels', () => {
  it.each(lists)('%s: one label per code, in Chinese and English', (key, codes) => {
    for (const locale of [zhCN, en]) {
      expect(Object.keys(locale.staffing.secondment[key]).sort(), key).toEqual([...codes].sort());
    }
  });
});
