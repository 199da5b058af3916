/**
 * Where the public menu's 办事指南 entry leads: the county's guides when the address names a county (the index
 * `/public/services/:countyId`, or `?county=` on a guide), else the county last looked at, else `/public/services`
 * (which lets the visitor pick a county).
 */
export function publicServicesPath(pathname: string, search: string, remembered?: string): string {
  const match = /^\/public\/services\/([^/]+)$/.exec(pathname);
  if (match && match[1] !== 'item') return pathname;
  const county = new URLSearchParams(search).get('county') ?? remembered;
  return county ? `/public/services/${encodeURIComponent(county)}` : '/public/services';
}

/** Where the public menu's 执法公示 entry leads: the county last looked at, else the page that lets one pick. */
export function publicEnforcementPath(county: string | undefined): string {
  return county
    ? `/public/enforcement/disclosures?regionId=${encodeURIComponent(county)}`
    : '/public/enforcement/disclosures';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const PUBLIC_COUNTY_STORAGE_KEY = 'gov.queue.county';

function safeStorage(): Storage | undefined {
  try {
    return typeof window !== 'undefined' ? window.localStorage : undefined;
  } catch {
    return undefined;
  }
}

/** The county last looked at on the public pages (the menu's 办事指南 and 服务网点 lead there). */
export function rememberedCounty(storage: Pick<Storage, 'getItem'> | undefined = safeStorage()): string | undefined {
  try {
    const v = storage?.getItem(PUBLIC_COUNTY_STORAGE_KEY);
    return v && UUID.test(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

export function rememberCounty(countyId: string, storage: Pick<Storage, 'setItem'> | undefined = safeStorage()): void {
  if (!UUID.test(countyId)) return;
  try {
    storage?.setItem(PUBLIC_COUNTY_STORAGE_KEY, countyId);
  } catch {
    // not kept
  }
}
