import { describe, expect, it } from 'vitest';
import { createUserRequest, type UserFormValues } from './userRequest';

const base: UserFormValues = {
  username: ' pj_01 ',
  displayName: ' 评估员 ',
  password: 'Passw0rd!',
  role: 'county_department',
};

describe('createUserRequest', () => {
  it('sends the region and unit of an ordinary user, trimmed, without a grant', () => {
    expect(createUserRequest({ ...base, regionId: 'r', unitId: 'u', grantId: 'g', phone: ' 13800001234 ' })).toEqual({
      username: 'pj_01',
      displayName: '评估员',
      password: 'Passw0rd!',
      role: 'county_department',
      regionId: 'r',
      unitId: 'u',
      phone: '13800001234',
    });
  });

  it('sends an evaluator’s grant instead of region and unit (the grant gives the region)', () => {
    expect(
      createUserRequest({ ...base, role: 'evaluator', regionId: 'r', unitId: 'u', grantId: 'g', phone: ' ' }),
    ).toEqual({
      username: 'pj_01',
      displayName: '评估员',
      password: 'Passw0rd!',
      role: 'evaluator',
      grantId: 'g',
    });
  });
});
