import {
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { ReactNode, useState } from 'react';

/**
 * Runs one row's action at a time: `busy` names the row while it runs, a failure is kept in
 * `actionError` (shown above the table), and `done` (the list's retry) re-reads on success.
 */
export function useRowAction(done: () => void) {
  const [busy, setBusy] = useState<string>();
  const [actionError, setActionError] = useState<Error>();
  const run = async (row: string, action: () => Promise<unknown>) => {
    setBusy(row);
    setActionError(undefined);
    try {
      await action();
      done();
    } catch (e) {
      setActionError(e as Error);
    } finally {
      setBusy(undefined);
    }
  };
  return { busy, actionError, run };
}

/**
 * A profile's objects as a table: a progress bar while the first load runs, the error when it
 * fails, the last action's error above the rows, and an empty state that says what to do. The
 * last column holds the actions and is shown only to those who may use them.
 */
export function NamespaceTable<T extends object>(props: {
  title: string;
  value?: T[];
  loading: boolean;
  error?: Error;
  actionError?: Error;
  columns: TableColumn<T>[];
  canChange: boolean;
  empty: ReactNode;
}) {
  const { value, loading, error, actionError, columns, canChange } = props;
  if (loading && !value) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  return (
    <>
      {actionError && <ResponseErrorPanel error={actionError} />}
      <Table<T>
        title={props.title}
        options={{ search: false, paging: false, padding: 'dense' }}
        columns={canChange ? columns : columns.slice(0, -1)}
        data={value ?? []}
        emptyContent={<div style={{ padding: 16 }}>{props.empty}</div>}
      />
    </>
  );
}
