import { http } from '../../lib/api/client';
import type { TodoResponse } from '../../lib/api/types';

export const todoKey = ['notifications', 'todo'] as const;

/** 待办: every module's counts of what waits for the caller (GET /notifications/todo). */
export const todoApi = {
  get: (signal?: AbortSignal) => http.get<TodoResponse>('/notifications/todo', { signal }),
};
