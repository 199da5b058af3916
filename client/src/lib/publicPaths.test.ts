import { describe, expect, it } from 'vitest';
import { publicEnforcementPath, publicServicesPath } from './publicPaths';

describe('the public menu entry of the guides', () => {
  it('keeps the county the address names, else leads to the explanation', () => {
    expect(publicServicesPath('/public/services/c-1', '')).toBe('/public/services/c-1');
    expect(publicServicesPath('/public/services/item/svc-1', '?county=c-1')).toBe('/public/services/c-1');
    expect(publicServicesPath('/public/services/item/svc-1', '')).toBe('/public/services');
    expect(publicServicesPath('/public/power-lists', '')).toBe('/public/services');
  });

  it('falls back to the county last looked at', () => {
    expect(publicServicesPath('/public/power-lists', '', 'c-9')).toBe('/public/services/c-9');
    expect(publicServicesPath('/public/services/item/svc-1', '?county=c-1', 'c-9')).toBe('/public/services/c-1');
  });
});

describe('the public menu entry of 执法公示', () => {
  it('leads to the county last looked at, else to the choice of county', () => {
    expect(publicEnforcementPath('c-9')).toBe('/public/enforcement/disclosures?regionId=c-9');
    expect(publicEnforcementPath(undefined)).toBe('/public/enforcement/disclosures');
  });
});
