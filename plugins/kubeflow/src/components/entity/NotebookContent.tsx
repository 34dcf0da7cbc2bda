import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  StructuredMetadataTable,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { NotebookDto } from '@kubeflow-backstage/plugin-kubeflow-common';
import Button from '@material-ui/core/Button';
import { useState } from 'react';
import { kubeflowApiRef } from '../../api/KubeflowApi';
import { StateLabel } from '../StateLabel';
import { useLiveEntityData } from './useKubeflowEntity';

const NotebookDetails = ({
  notebook,
  onChange,
}: {
  notebook: NotebookDto;
  onChange: () => void;
}) => {
  const api = useApi(kubeflowApiRef);
  const [error, setError] = useState<Error>();
  const toggle = async () => {
    setError(undefined);
    try {
      await api.setNotebookRunning({ ...notebook, running: notebook.stopped });
      onChange();
    } catch (e) {
      setError(e as Error);
    }
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
          </Button>
        </>
      }
    >
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
          'Last activity': notebook.lastActivity ?? 'unknown',
          Created: notebook.createdAt ?? 'unknown',
        }}
      />
    </InfoCard>
  );
};

/** A notebook entity's live page: state, resources, Connect, start/stop. */
export const NotebookContent = () => {
  const { value, loading, error, retry } = useLiveEntityData((api, o) =>
    api.getNotebook(o),
  );
  if (loading && !value) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  return value ? <NotebookDetails notebook={value} onChange={retry} /> : null;
};
