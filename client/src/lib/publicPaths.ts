/**
 * Where the public menu's 办事指南 entry leads: the county's guides when the address names a county (the index
 * `/public/services/:countyId`, or `?county=` on a guide), else `/public/services` (which explains how to get there).
 */
export function publicServicesPath(pathname: string, search: string): string {
  const match = /^\/public\/services\/([^/]+)$/.exec(pathname);
  if (match && match[1] !== 'item') return pathname;
  const county = new URLSearchParams(search).get('county');
  return county ? `/public/services/${encodeURIComponent(county)}` : '/public/services';
}
