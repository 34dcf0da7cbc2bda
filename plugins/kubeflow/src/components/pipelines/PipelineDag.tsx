import {
  DependencyGraph,
  DependencyGraphTypes,
} from '@backstage/core-components';
import {
  PipelineTaskSpecDto,
  RunTaskDto,
} from '@kubeflow-backstage/plugin-kubeflow-common';

const FILL: Record<string, string> = {
  SUCCEEDED: '#e8f5e9',
  SKIPPED: '#f1f8e9',
  RUNNING: '#e3f2fd',
  PENDING: '#fffde7',
  FAILED: '#ffebee',
  CANCELING: '#fff3e0',
  CANCELED: '#eeeeee',
};
const STROKE: Record<string, string> = {
  SUCCEEDED: '#2e7d32',
  RUNNING: '#1565c0',
  FAILED: '#c62828',
  CANCELED: '#757575',
};

type TaskNode = {
  id: string;
  image?: string;
  state?: string;
  selected: boolean;
};

/**
 * The compiled DAG of a pipeline version; with a run's tasks, each task coloured by its state
 * (not started yet: grey outline). Laid out by core-components' DependencyGraph.
 */
export const PipelineDag = ({
  graph,
  tasks,
  selected,
  onSelect,
}: {
  graph: PipelineTaskSpecDto[];
  tasks?: RunTaskDto[];
  selected?: string;
  onSelect?: (task: string) => void;
}) => {
  const state = (name: string) => tasks?.find(t => t.name === name)?.state;
  const nodes: DependencyGraphTypes.DependencyNode<TaskNode>[] = graph.map(
    t => ({
      id: t.name,
      image: t.image,
      state: tasks ? state(t.name) ?? 'NOT STARTED' : undefined,
      selected: t.name === selected,
    }),
  );
  const edges = graph.flatMap(t =>
    t.dependsOn.map(from => ({ from, to: t.name })),
  );
  return (
    <DependencyGraph
      nodes={nodes}
      edges={edges}
      direction={DependencyGraphTypes.Direction.LEFT_RIGHT}
      paddingX={12}
      paddingY={12}
      rankMargin={60}
      nodeMargin={16}
      fit="contain"
      style={{ width: '100%', maxHeight: 360 }}
      renderNode={({ node }) => {
        const width = Math.max(140, node.id.length * 8.8 + 28);
        const label = node.state
          ? `${node.id}: ${node.state.toLowerCase()}`
          : node.id;
        return (
          <g
            role={onSelect ? 'button' : 'img'}
            aria-label={label}
            onClick={onSelect ? () => onSelect(node.id) : undefined}
            style={{ cursor: onSelect ? 'pointer' : 'default' }}
          >
            <rect
              width={width}
              height={node.state ? 46 : 34}
              rx={6}
              fill={FILL[node.state ?? ''] ?? '#fafafa'}
              stroke={STROKE[node.state ?? ''] ?? '#90a4ae'}
              strokeWidth={node.selected ? 3 : 1.5}
              strokeDasharray={node.state === 'NOT STARTED' ? '4 3' : undefined}
            />
            <text x={12} y={21} fontSize={13} fontWeight={600} fill="#263238">
              {node.id}
            </text>
            {node.state && (
              <text x={12} y={38} fontSize={11} fill="#546e7a">
                {node.state.toLowerCase()}
              </text>
            )}
          </g>
        );
      }}
    />
  );
};
