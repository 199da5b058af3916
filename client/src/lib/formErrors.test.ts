import { describe, expect, it } from 'vitest';
import { ApiProblem } from './api/client';
import { splitFieldErrors } from './formErrors';

describe('splitFieldErrors', () => {
  const fields = ['username', 'displayName', 'password', 'role', 'regionId'] as const;

  it('puts field errors under the form fields and keeps the rest for the alert', () => {
    const problem = new ApiProblem(400, {
      title: '请求参数有误',
      code: 'validation_failed',
      errors: { Username: ['用户名只能包含字母、数字和下划线。'], regionId: ['区划不存在。'], limit: ['x'] },
    });
    expect(splitFieldErrors(problem, fields)).toEqual({
      fields: [
        { name: 'username', errors: ['用户名只能包含字母、数字和下划线。'] },
        { name: 'regionId', errors: ['区划不存在。'] },
      ],
      other: ['x'],
    });
  });

  it('maps a conflict code without field errors onto its field', () => {
    const problem = new ApiProblem(409, { title: '用户名已存在', detail: '用户名 li4 已被使用。', code: 'users.username_taken' });
    expect(splitFieldErrors(problem, fields, { 'users.username_taken': 'username' }).fields).toEqual([
      { name: 'username', errors: ['用户名 li4 已被使用。'] },
    ]);
    expect(splitFieldErrors(new Error('boom'), fields)).toEqual({ fields: [], other: [] });
  });
});
