import {
  InfoCard,
  ResponseErrorPanel,
  Table,
} from '@backstage/core-components';
import {
  ConditionDto,
  DisplayState,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import Button from '@material-ui/core/Button';
import { ReactNode, useState } from 'react';
import { StateLabel } from '../StateLabel';
import { formatTime } from '../pipelines/format';

/** `requests` or `limits` as `cpu 2, nvidia.com/gpu 1` (— when empty). */
export const resourcesText = (r: Record<string, string>) =>
  Object.entries(r)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ') || '—';

/**
 * A training job's card with Suspend/Resume while it has not finished: `setSuspended` asks the
 * backend, `onChange` re-reads the page; a refusal is shown in the card.
 */
export const SuspendableJobCard = ({
  title,
  state,
  suspended,
  setSuspended,
  onChange,
  children,
}: {
  title: string;
  state: DisplayState;
  suspended: boolean;
  setSuspended: (suspended: boolean) => Promise<unknown>;
  onChange: () => void;
  children: ReactNode;
}) => {
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const finished = ['succeeded', 'error'].includes(state.phase);
  const toggle = async () => {
    setError(undefined);
    setBusy(true);
    try {
      await setSuspended(!suspended);
      onChange();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <InfoCard
      title={title}
      subheader={<StateLabel state={state} />}
      action={
        !finished && (
          <Button variant="outlined" disabled={busy} onClick={toggle}>
            {suspended ? 'Resume' : 'Suspend'}
          </Button>
        )
      }
    >
      {error && <ResponseErrorPanel error={error} />}
      {children}
    </InfoCard>
  );
};

/** A training job's conditions, with what to say while there is none. */
export const JobConditionsTable = ({
  conditions,
  empty,
}: {
  conditions: ConditionDto[];
  empty: string;
}) => (
  <Table<ConditionDto>
    title="Conditions"
    options={{ paging: false, search: false, padding: 'dense' }}
    columns={[
      { title: 'Type', field: 'type' },
      { title: 'Status', field: 'status' },
      { title: 'Reason', render: c => c.reason ?? '—' },
      { title: 'Message', render: c => c.message ?? '—' },
      { title: 'Since', render: c => formatTime(c.lastTransitionTime) },
    ]}
    data={conditions}
    emptyContent={<div style={{ padding: 16 }}>{empty}</div>}
  />
);
