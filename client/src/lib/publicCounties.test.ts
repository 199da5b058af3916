import { describe, expect, it } from 'vitest';
import { countyOfTownship, pickCounty } from './publicCounties';

const counties = [
  { id: 'c-1', name: '清河县', townships: [{ id: 'tw-1', name: '城关镇' }] },
  { id: 'c-2', name: '河西县', townships: [{ id: 'tw-2', name: '河口镇' }] },
];

describe('the county of a public page', () => {
  it('is the one asked for, else the remembered one, else the first — never an unknown id', () => {
    expect(pickCounty(counties, 'c-2', 'c-1')).toBe('c-2');
    expect(pickCounty(counties, 'nope', 'c-2')).toBe('c-2');
    expect(pickCounty(counties, null, 'gone')).toBe('c-1');
    expect(pickCounty([], 'c-1', 'c-1')).toBeUndefined();
  });

  it('of a township is the county listing it', () => {
    expect(countyOfTownship(counties, 'tw-2')?.id).toBe('c-2');
    expect(countyOfTownship(counties, 'tw-9')).toBeUndefined();
  });
});
