import { describe, expect, it } from 'vitest';
import { ApiProblem } from './api/client';
import { splitFieldErrors, toFieldName } from './formErrors';

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

describe('indexed field errors', () => {
  it('turns a problem key into an antd name path', () => {
    expect(toFieldName('code')).toBe('code');
    expect(toFieldName('legalBasis[0].law')).toEqual(['legalBasis', 0, 'law']);
    expect(toFieldName('legalBasis[12]')).toEqual(['legalBasis', 12]);
    expect(toFieldName('a.b')).toEqual(['a', 'b']);
    expect(toFieldName('matrix[1][2].x')).toEqual(['matrix', 1, 2, 'x']);
  });

  it('puts legalBasis[0].law under the law input of the first row when the form has legalBasis', () => {
    const problem = new ApiProblem(400, {
      title: '请求参数有误',
      code: 'validation_failed',
      errors: { 'LegalBasis[0].Law': ['请填写法律法规名称。'], code: ['编码格式有误。'], 'other[0].x': ['y'] },
    });
    expect(splitFieldErrors(problem, ['code', 'legalBasis'])).toEqual({
      fields: [
        { name: ['legalBasis', 0, 'law'], errors: ['请填写法律法规名称。'] },
        { name: 'code', errors: ['编码格式有误。'] },
      ],
      other: ['y'],
    });
  });
});
