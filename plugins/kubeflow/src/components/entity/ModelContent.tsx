import {
  CopyTextButton,
  DependencyGraph,
  DependencyGraphTypes,
  InfoCard,
  Progress,
  ResponseErrorPanel,
  StructuredMetadataTable,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  EntityRefLink,
  entityRouteParams,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  ModelDto,
  ModelVersionDto,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import { ReactNode, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { kubeflowApiRef } from '../../api/KubeflowApi';
import { ModelMetricsCard } from '../ModelMetricsCard';
import { StateLabel } from '../StateLabel';
import { DeployVersionButton } from './DeployVersionButton';
import { useCanChangeProfile } from './useCanChangeProfile';
import { useLiveEntityData } from './useKubeflowEntity';

type LineageNode = {
  id: string;
  kind: string;
  label: string;
  entityRef?: string;
  archived?: boolean;
};

/** A producer's label: KFP run ids are UUIDs, shown by their first eight characters. */
export function producerLabel(producer: { kind: string; name: string }) {
  return producer.kind === 'Pipeline run' &&
    /^[0-9a-f]{8}-[0-9a-f-]{27}$/.test(producer.name)
    ? `run ${producer.name.slice(0, 8)}`
    : producer.name;
}

const NODE_COLOURS: Record<string, string> = {
  Notebook: '#fff3e0',
  'Pipeline run': '#e8f5e9',
  'Katib experiment': '#f3e5f5',
  'Training job': '#e0f7fa',
  Version: '#e3f2fd',
  Endpoint: '#fce4ec',
};

/** Producers → versions → endpoints, one node each, for the whole model. */
export function lineageOf(model: ModelDto): {
  nodes: LineageNode[];
  edges: DependencyGraphTypes.DependencyEdge[];
} {
  const nodes = new Map<string, LineageNode>();
  const edges: DependencyGraphTypes.DependencyEdge[] = [];
  for (const version of model.versions) {
    const versionId = `version:${version.id}`;
    nodes.set(versionId, {
      id: versionId,
      kind: 'Version',
      label: version.name,
      entityRef: version.entityRef,
      archived: version.state === 'ARCHIVED',
    });
    for (const producer of version.producedBy) {
      const id = `${producer.kind}:${producer.name}`;
      nodes.set(id, {
        id,
        kind: producer.kind,
        label: producerLabel(producer),
        entityRef: producer.entityRef,
      });
      edges.push({ from: id, to: versionId });
    }
    for (const deployment of version.deployments) {
      const id = `endpoint:${deployment.namespace}/${deployment.name}`;
      nodes.set(id, {
        id,
        kind: 'Endpoint',
        label: deployment.name,
        entityRef: deployment.entityRef,
      });
      edges.push({ from: versionId, to: id });
    }
  }
  return { nodes: [...nodes.values()], edges };
}

const LineageNodeView = ({ node }: { node: LineageNode }) => {
  const navigate = useNavigate();
  const entityRoute = useRouteRef(entityRouteRef);
  const width = Math.max(110, node.label.length * 7.5 + 20);
  const open = node.entityRef
    ? () => navigate(entityRoute(entityRouteParams(node.entityRef!)))
    : undefined;
  return (
    <g
      onClick={open}
      style={{ cursor: open ? 'pointer' : 'default' }}
      role={open ? 'link' : undefined}
      aria-label={`${node.kind} ${node.label}`}
    >
      <rect
        width={width}
        height={44}
        rx={6}
        fill={NODE_COLOURS[node.kind] ?? '#eeeeee'}
        stroke={node.archived ? '#9e9e9e' : '#607d8b'}
        strokeDasharray={node.archived ? '4 3' : undefined}
      />
      <text x={10} y={17} fontSize={11} fill="#546e7a">
        {node.kind}
        {node.archived ? ' (archived)' : ''}
      </text>
      <text x={10} y={34} fontSize={13} fontWeight={600} fill="#263238">
        {node.label}
      </text>
    </g>
  );
};

/** The model's lineage as a graph: what produced each version and where each is served. */
export const ModelLineageGraph = ({ model }: { model: ModelDto }) => {
  const { nodes, edges } = lineageOf(model);
  return (
    <InfoCard
      title="Lineage"
      subheader="From the notebook, pipeline run, tuning and training that produced each version to the endpoints serving it. Click a node to open it."
    >
      <DependencyGraph
        nodes={nodes}
        edges={edges}
        direction={DependencyGraphTypes.Direction.LEFT_RIGHT}
        renderNode={({ node }) => <LineageNodeView node={node} />}
        paddingX={16}
        paddingY={16}
        rankMargin={70}
        nodeMargin={18}
        fit="contain"
        style={{ width: '100%', maxHeight: 420 }}
      />
    </InfoCard>
  );
};

const metricText = (value: string | number | boolean) =>
  typeof value === 'number' && !Number.isInteger(value)
    ? value.toFixed(3)
    : String(value);

const PRODUCER_PROPERTIES = new Set([
  'kfp_run_id',
  'notebook',
  'katib_experiment',
  'trainjob',
]);

function list(items: ReactNode[], empty: ReactNode) {
  return items.length ? (
    <>
      {items.map((item, i) => (
        <div key={i}>{item}</div>
      ))}
    </>
  ) : (
    empty
  );
}

/**
 * Every version with its state, author, artifacts, metrics, producers and deployments; for those
 * who may change the model's profile, actions: deploy (live versions), archive and restore.
 */
const VersionsTable = ({
  model,
  onChange,
}: {
  model: ModelDto;
  onChange: () => void;
}) => {
  const api = useApi(kubeflowApiRef);
  const canChange = useCanChangeProfile(model.cluster, model.namespace);
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState<string>();
  const setState = async (
    version: ModelVersionDto,
    state: 'LIVE' | 'ARCHIVED',
  ) => {
    setError(undefined);
    setBusy(version.name);
    try {
      await api.setModelVersionState({
        cluster: model.cluster,
        namespace: model.namespace ?? 'kubeflow',
        name: model.name,
        version: version.name,
        state,
      });
      onChange();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(undefined);
    }
  };
  const columns: TableColumn<ModelVersionDto>[] = [
    {
      title: 'Version',
      render: v => (
        <>
          <EntityRefLink entityRef={v.entityRef} title={v.name} hideIcon />
          <div>
            {v.state === 'ARCHIVED' ? (
              <Chip size="small" label="Archived" />
            ) : (
              <Chip size="small" color="primary" label="Live" />
            )}
          </div>
        </>
      ),
    },
    {
      title: 'Created',
      render: v => (
        <>
          {v.createdAt ? new Date(v.createdAt).toLocaleString() : 'unknown'}
          {v.author && (
            <div style={{ fontSize: 12, opacity: 0.8 }}>by {v.author}</div>
          )}
        </>
      ),
    },
    {
      title: 'Artifacts',
      render: v =>
        list(
          v.artifacts.map(a => (
            <>
              <div>
                {a.format ?? 'unknown format'}
                {a.formatVersion ? ` ${a.formatVersion}` : ''}
              </div>
              {a.uri && (
                <div style={{ display: 'flex', alignItems: 'center' }}>
                  <code style={{ fontSize: 12, wordBreak: 'break-all' }}>
                    {a.uri}
                  </code>
                  <CopyTextButton text={a.uri} />
                </div>
              )}
            </>
          )),
          'none registered',
        ),
    },
    {
      title: 'Properties',
      render: v =>
        list(
          Object.entries(v.properties)
            .filter(([k]) => !PRODUCER_PROPERTIES.has(k))
            .map(([k, value]) => `${k}: ${metricText(value)}`),
          '—',
        ),
    },
    {
      title: 'Produced by',
      render: v =>
        list(
          v.producedBy.map(p =>
            p.entityRef ? (
              <>
                {p.kind}{' '}
                <EntityRefLink
                  entityRef={p.entityRef}
                  title={p.name}
                  hideIcon
                />
              </>
            ) : (
              `${p.kind} ${producerLabel(p)}`
            ),
          ),
          'unknown',
        ),
    },
    {
      title: 'Deployed at',
      render: v =>
        list(
          v.deployments.map(d => (
            <>
              <EntityRefLink entityRef={d.entityRef} title={d.name} hideIcon />
              <StateLabel state={d.state} />
            </>
          )),
          'not deployed',
        ),
    },
  ];
  const actions: TableColumn<ModelVersionDto> = {
    title: 'Actions',
    render: v =>
      v.state === 'ARCHIVED' ? (
        <Button
          size="small"
          variant="outlined"
          disabled={busy === v.name}
          onClick={() => setState(v, 'LIVE')}
        >
          Restore
        </Button>
      ) : (
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          <DeployVersionButton model={model} version={v} />
          <Button
            size="small"
            variant="outlined"
            disabled={busy === v.name}
            onClick={() => setState(v, 'ARCHIVED')}
          >
            Archive
          </Button>
        </div>
      ),
  };
  // The columns wait for the caller's role: a column added later would rebuild the table.
  if (canChange === undefined) return <Progress />;
  return (
    <>
      {error && <ResponseErrorPanel error={error} />}
      <Table
        title="Versions"
        subtitle="Newest first. Archived versions stay in the registry and can be restored."
        options={{ search: false, paging: false, padding: 'dense' }}
        columns={canChange ? [...columns, actions] : columns}
        data={model.versions}
        emptyContent={
          <div style={{ padding: 16 }}>
            No versions are registered for this model yet. Register one from a
            notebook or a pipeline with the Model Registry client.
          </div>
        }
      />
    </>
  );
};

/**
 * A registered model's page: what it is, its versions (archive / restore), where each version
 * is deployed, its lineage from producer to endpoint, and the metrics of what produced it.
 */
export const ModelContent = () => {
  const {
    value: model,
    loading,
    error,
    retry,
    object,
  } = useLiveEntityData((api, o) => api.getModel(o), { wholeNamespace: true });
  if (loading && !model) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!model) return null;
  const latest = model.versions.find(v => v.state === 'LIVE');
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={4}>
        <InfoCard title={`Model ${model.name}`}>
          <StructuredMetadataTable
            metadata={{
              Description: model.description ?? '—',
              Owner: model.owner ?? 'unknown',
              Profile: model.namespace ?? 'shared',
              Cluster: object.cluster,
              State: model.state === 'ARCHIVED' ? 'Archived' : 'Live',
              'Latest live version': latest?.name ?? 'none',
              Versions: model.versions.length,
              Deployments: model.versions.reduce(
                (n, v) => n + v.deployments.length,
                0,
              ),
            }}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={8}>
        <ModelLineageGraph model={model} />
      </Grid>
      <Grid item xs={12}>
        <VersionsTable model={model} onChange={retry} />
      </Grid>
      <Grid item xs={12}>
        <ModelMetricsCard cluster={model.cluster} modelId={model.id} />
      </Grid>
    </Grid>
  );
};
