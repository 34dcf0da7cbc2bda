import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
  StructuredMetadataTable,
  Table,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  EventDto,
  NotebookDto,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import Grid from '@material-ui/core/Grid';
import { useState } from 'react';
import { kubeflowApiRef } from '../../api/KubeflowApi';
import { StateLabel } from '../StateLabel';
import { useLiveEntityData } from './useKubeflowEntity';

/** Asks before a notebook (and the pod running it) is deleted; its volumes stay. */
const DeleteDialog = ({
  notebook,
  open,
  onCancel,
  onConfirm,
}: {
  notebook: NotebookDto;
  open: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) => (
  <Dialog open={open} onClose={onCancel}>
    <DialogTitle>Delete notebook {notebook.name}?</DialogTitle>
    <DialogContent>
      <DialogContentText>
        The notebook server in profile {notebook.namespace} stops and is
        removed. Its volumes are kept, so a new notebook can mount them again.
      </DialogContentText>
    </DialogContent>
    <DialogActions>
      <Button onClick={onCancel}>Cancel</Button>
      <Button color="secondary" variant="contained" onClick={onConfirm}>
        Delete
      </Button>
    </DialogActions>
  </Dialog>
);

const NotebookDetails = ({
  notebook,
  onChange,
  onDeleted,
}: {
  notebook: NotebookDto;
  onChange: () => void;
  onDeleted: () => void;
}) => {
  const api = useApi(kubeflowApiRef);
  const [error, setError] = useState<Error>();
  const [confirming, setConfirming] = useState(false);
  const act = async (action: () => Promise<unknown>, then: () => void) => {
    setError(undefined);
    try {
      await action();
      then();
    } catch (e) {
      setError(e as Error);
    }
  };
  const toggle = () =>
    act(
      () => api.setNotebookRunning({ ...notebook, running: notebook.stopped }),
      onChange,
    );
  const remove = () => {
    setConfirming(false);
    return act(() => api.deleteNotebook(notebook), onDeleted);
  };
  return (
    <InfoCard
      title={`Notebook ${notebook.name}`}
      subheader={<StateLabel state={notebook.state} />}
      actions={
        <>
          {notebook.connectUrl && !notebook.stopped && (
            <Button
              color="primary"
              variant="contained"
              href={notebook.connectUrl}
              target="_blank"
            >
              Connect
            </Button>
          )}{' '}
          <Button variant="outlined" onClick={toggle}>
            {notebook.stopped ? 'Start' : 'Stop'}
          </Button>{' '}
          <Button color="secondary" onClick={() => setConfirming(true)}>
            Delete
          </Button>
        </>
      }
    >
      <DeleteDialog
        notebook={notebook}
        open={confirming}
        onCancel={() => setConfirming(false)}
        onConfirm={remove}
      />
      {error && <ResponseErrorPanel error={error} />}
      <StructuredMetadataTable
        metadata={{
          Cluster: notebook.cluster,
          Profile: notebook.namespace,
          Type: notebook.serverType,
          Image: notebook.image ?? '—',
          CPU: notebook.cpu ?? '—',
          Memory: notebook.memory ?? '—',
          GPUs: notebook.gpus ?? 'none',
          Volumes: notebook.volumes?.length
            ? notebook.volumes.map(v =>
                [
                  v.mountPath ?? '(not mounted)',
                  v.claimName ? `claim ${v.claimName}` : v.name,
                ].join(' ← '),
              )
            : 'none',
          Configurations: notebook.configurations?.length
            ? notebook.configurations.map(c => c.description ?? c.name)
            : 'none',
          'Last activity': notebook.lastActivity ?? 'unknown',
          Created: notebook.createdAt ?? 'unknown',
        }}
      />
    </InfoCard>
  );
};

/** The notebook's and its pod's events, warnings first to the eye. */
const NotebookEvents = ({ events }: { events: EventDto[] }) => (
  <Table<EventDto>
    title="Events"
    subtitle="The notebook's and its pod's events, newest first."
    options={{ search: false, paging: false, padding: 'dense' }}
    columns={[
      {
        title: 'Type',
        render: e =>
          e.type === 'Warning' ? (
            <strong style={{ color: '#d32f2f' }}>Warning</strong>
          ) : (
            e.type
          ),
      },
      { title: 'Reason', render: e => e.reason ?? '' },
      { title: 'Message', render: e => e.message ?? '' },
      { title: 'Object', field: 'object' },
      { title: 'Count', render: e => e.count },
      {
        title: 'Last seen',
        render: e =>
          e.lastSeen ? new Date(e.lastSeen).toLocaleString() : 'unknown',
      },
    ]}
    data={events}
    emptyContent={
      <div style={{ padding: 16 }}>
        No recent events: the cluster keeps events for about an hour.
      </div>
    }
  />
);

/**
 * A notebook entity's live page: state with the Jupyter web app's meaning, resources, volumes,
 * configurations, Connect, start/stop/delete, and the pod's events.
 */
export const NotebookContent = () => {
  const [deleted, setDeleted] = useState(false);
  const { value, loading, error, retry } = useLiveEntityData(async (api, o) => {
    const [notebook, events] = await Promise.all([
      api.getNotebook(o),
      api.getNotebookEvents(o),
    ]);
    return { notebook, events };
  });
  if (deleted) {
    return (
      <EmptyState
        missing="content"
        title="Notebook deleted"
        description="The notebook server is gone from the cluster; this catalog entry disappears at the next catalog refresh. Its volumes were kept."
      />
    );
  }
  if (loading && !value) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value) return null;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={5}>
        <NotebookDetails
          notebook={value.notebook}
          onChange={retry}
          onDeleted={() => setDeleted(true)}
        />
      </Grid>
      <Grid item xs={12} md={7}>
        <NotebookEvents events={value.events} />
      </Grid>
    </Grid>
  );
};
