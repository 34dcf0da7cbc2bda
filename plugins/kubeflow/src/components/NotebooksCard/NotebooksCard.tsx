import { Link, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { NotebookDto } from '@kubeflow-backstage/plugin-kubeflow-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { NamespaceRef, kubeflowApiRef } from '../../api/KubeflowApi';
import { NamespaceTable, useRowAction } from '../NamespaceTable/NamespaceTable';
import { StateLabel } from '../StateLabel';

/**
 * The notebooks of a namespace: state by the Jupyter web app's rules, image and resources, a
 * Connect link, and start/stop (stopping asks first). `refreshKey` changes when the live channel
 * reports a change, so the card follows the cluster without polling it.
 */
export const NotebooksCard = (
  props: NamespaceRef & { refreshKey: number; canChange?: boolean },
) => {
  const { cluster, namespace, refreshKey, canChange = true } = props;
  const api = useApi(kubeflowApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getNotebooks({ cluster, namespace }),
    [api, cluster, namespace, refreshKey],
  );
  const [confirm, setConfirm] = useState<NotebookDto>();
  const { busy, actionError, run } = useRowAction(retry);
  const setRunning = (notebook: NotebookDto, running: boolean) => {
    setConfirm(undefined);
    return run(notebook.name, () =>
      api.setNotebookRunning({
        cluster,
        namespace,
        name: notebook.name,
        running,
      }),
    );
  };

  const columns: TableColumn<NotebookDto>[] = [
    {
      title: 'Name',
      field: 'name',
      highlight: true,
      render: n =>
        n.connectUrl && !n.stopped ? (
          <Link to={n.connectUrl}>{n.name}</Link>
        ) : (
          n.name
        ),
    },
    { title: 'Status', render: n => <StateLabel state={n.state} /> },
    { title: 'Type', field: 'serverType' },
    { title: 'Image', render: n => n.image?.split('/').pop() ?? '—' },
    {
      title: 'Resources',
      render: n =>
        [n.cpu && `${n.cpu} CPU`, n.memory, n.gpus && `${n.gpus} GPU`]
          .filter(Boolean)
          .join(' · ') || '—',
    },
    {
      title: 'Actions',
      render: n =>
        n.stopped ? (
          <Button
            size="small"
            variant="outlined"
            color="primary"
            disabled={busy === n.name}
            onClick={() => setRunning(n, true)}
            aria-label={`Start ${n.name}`}
          >
            Start
          </Button>
        ) : (
          <Button
            size="small"
            variant="outlined"
            disabled={busy === n.name}
            onClick={() => setConfirm(n)}
            aria-label={`Stop ${n.name}`}
          >
            Stop
          </Button>
        ),
    },
  ];

  return (
    <>
      <NamespaceTable<NotebookDto>
        title={`Notebooks in ${namespace}`}
        value={value}
        loading={loading}
        error={error}
        actionError={actionError}
        columns={columns}
        canChange={canChange}
        empty={`No notebooks in ${namespace} yet. Create one with the “New notebook” template.`}
      />
      <Dialog open={!!confirm} onClose={() => setConfirm(undefined)}>
        <DialogTitle>Stop {confirm?.name}?</DialogTitle>
        <DialogContent>
          The server’s pod goes away; its volumes stay and it can be started
          again.
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirm(undefined)}>Cancel</Button>
          <Button
            color="primary"
            onClick={() => confirm && setRunning(confirm, false)}
          >
            Stop notebook
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
