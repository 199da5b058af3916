import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../lib/i18n';
import type { Assessment, GradeRow, Me } from '../../lib/api/types';
import { CurrentUserContext } from '../../lib/auth/useAuth';
import { renderRoutes } from '../../test/render';
import { json, fetchMockInEachTest } from '../../test/fetch';
import { AssessmentPage } from './AssessmentPage';

type FetchArgs = [RequestInfo | URL, RequestInit | undefined];

function grade(overrides: Partial<GradeRow>): GradeRow {
  return {
    secondeeId: 's1',
    personId: 'p1',
    name: '王五',
    townshipName: '城关镇',
    workAreaName: '综合行政执法',
    startedOn: '2026-03-20',
    lessThanHalfYear: false,
    grade: 'excellent',
    gradeName: '优秀',
    previousGrade: null,
    outcome: 'converted',
    secondmentState: 'converted',
    secondmentStateName: '已转编',
    correction: null,
    ...overrides,
  };
}

const assessment: Assessment = {
  id: 'a1',
  year: 2026,
  state: 'final',
  stateName: '已确定',
  excellentShare: 0.2,
  excellentQuota: 1,
  excellent: 1,
  graded: 2,
  publicityFrom: '2027-01-11',
  publicityUntil: '2027-01-15',
  decidedOn: '2027-01-18',
  grades: [
    grade({}),
    grade({ secondeeId: 's2', personId: 'p2', name: '赵六', grade: 'competent', gradeName: '合格', outcome: 'kept' }),
  ],
  events: [],
  allowedActions: [],
  version: 3,
};

describe('correcting a final grade', () => {
  const posted: unknown[] = [];
  const fetchMock = vi.fn(async (...[input, init]: FetchArgs) => {
    const url = String(input);
    if (url === '/api/v1/staffing/assessments/a1' && (!init?.method || init.method === 'GET'))
      return json(200, assessment, { ETag: '"v3"' });
    if (url.startsWith('/api/v1/staffing/assessments/a1/preview')) return json(200, []);
    if (url === '/api/v1/staffing/assessments/a1/grades/s1/correction' && init?.method === 'POST') {
      posted.push(JSON.parse(String(init.body)));
      return json(200, { ...assessment, version: 4 }, { ETag: '"v4"' });
    }
    return json(404, { title: '未找到', status: 404 });
  });
  fetchMockInEachTest(fetchMock);

  it('offers 更正 only for an outcome that moved the person, and sends the reason and document', async () => {
    const me: Me = {
      id: 'u-1',
      username: 'bianban',
      displayName: '编办',
      role: 'county_staff',
      roleName: '县编办',
      regionId: 'r-county',
      regionName: '清河县',
      regionLevel: 'county',
      unitId: null,
      unitName: null,
      permissions: ['staffing.manage'],
    };
    renderRoutes(
      [
        {
          path: '/staffing/assessments/:id',
          element: (
            <CurrentUserContext.Provider value={me}>
              <AssessmentPage />
            </CurrentUserContext.Provider>
          ),
        },
      ],
      '/staffing/assessments/a1',
    );
    const button = await screen.findByTestId('correct-s1');
    expect(screen.queryByTestId('correct-s2')).not.toBeInTheDocument();
    await userEvent.click(button);
    await userEvent.type(await screen.findByTestId('correction-reason'), '复核有误');
    await userEvent.type(screen.getByTestId('correction-document'), '县委组织部〔2027〕3号');
    await userEvent.click(screen.getByTestId('correction-submit'));
    await waitFor(() => expect(posted).toEqual([{ reason: '复核有误', documentNo: '县委组织部〔2027〕3号' }]));
  });
});
