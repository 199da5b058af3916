import { Table, type TableProps } from 'antd';
import type { CursorList } from '../lib/useCursorList';
import { LoadMore } from './LoadMore';
import { ProblemAlert } from './ProblemAlert';

type Props<T> = Omit<TableProps<T>, 'loading' | 'dataSource' | 'pagination'> & { list: CursorList<T> };

/** A keyset-paginated list (useCursorList) as a table: no pages but 加载更多 under it, a failed load above it. */
export function CursorTable<T extends object>({ list, ...table }: Props<T>) {
  return (
    <>
      {list.error ? <ProblemAlert error={list.error} style={{ marginBottom: 16 }} /> : null}
      <Table<T> {...table} loading={list.isLoading} dataSource={list.items} pagination={false} />
      <LoadMore count={list.items.length} hasMore={list.hasMore} loading={list.isFetchingMore} onLoadMore={list.loadMore} />
    </>
  );
}
