// Pure helpers of the 清单体检 page: colours by severity and the records behind each flag.
import type { HealthFlag, HealthSeverity } from '../../lib/api/types';

export interface FlagLink {
  kind: 'item' | 'township' | 'agreement';
  to: string;
  label: string;
}

const enc = encodeURIComponent;

/**
 * The records a flag is about, as links: the item (as of the checked date), the township's list on that date
 * and the agreement. Only what the flag names (its ids may be null).
 */
export function flagLinks(flag: HealthFlag, asOf: string): FlagLink[] {
  const links: FlagLink[] = [];
  if (flag.itemId) {
    links.push({
      kind: 'item',
      to: `/power-lists/items/${enc(flag.itemId)}?asOf=${enc(asOf)}`,
      label: [flag.itemCode, flag.itemName].filter(Boolean).join(' ') || flag.itemId,
    });
  }
  if (flag.townshipId) {
    links.push({
      kind: 'township',
      to: `/power-lists/townships/${enc(flag.townshipId)}?asOf=${enc(asOf)}`,
      label: flag.townshipName ?? flag.townshipId,
    });
  }
  if (flag.agreementId) {
    links.push({
      kind: 'agreement',
      to: `/power-lists/agreements/${enc(flag.agreementId)}`,
      label: flag.agreementNo ?? flag.agreementId,
    });
  }
  return links;
}

/** Red for errors, orange for warnings (antd Tag colours and text colours). */
export function severityColor(severity: HealthSeverity): { tag: string; text: string } {
  return severity === 'error' ? { tag: 'red', text: '#cf1322' } : { tag: 'orange', text: '#d46b08' };
}
