import { InfoCard, ResponseErrorPanel } from '@backstage/core-components';
import { DisplayState } from '@kubeflow-backstage/plugin-kubeflow-common';
import Button from '@material-ui/core/Button';
import { ReactNode, useState } from 'react';
import { StateLabel } from '../StateLabel';

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
