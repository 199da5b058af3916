import type { CreateUserRequest } from '../../lib/api/types';
import { EVALUATOR } from '../../lib/roles';

/** What the create-user form holds (the request body's fields, as the form fills them). */
export interface UserFormValues {
  username: string;
  displayName: string;
  password: string;
  role: string;
  /** Not asked of an evaluator: its region is its grant's. */
  regionId?: string;
  unitId?: string;
  /** Only for an evaluator (评估任务). */
  grantId?: string;
  phone?: string;
}

/** The request: an evaluator joins its grant (which gives its region), anybody else gets a region and maybe a unit. */
export function createUserRequest(v: UserFormValues): CreateUserRequest {
  const evaluator = v.role === EVALUATOR;
  return {
    username: v.username.trim(),
    displayName: v.displayName.trim(),
    password: v.password,
    role: v.role,
    ...(evaluator ? { grantId: v.grantId } : { regionId: v.regionId }),
    ...(!evaluator && v.unitId ? { unitId: v.unitId } : {}),
    ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}),
  };
}
