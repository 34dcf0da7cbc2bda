import {
  InfoCard,
  StructuredMetadataTable,
  Table,
} from '@backstage/core-components';
import {
  KatibExperimentDto,
  KatibOperationSummary,
  KatibParameterSummary,
  katibFeasibleSpaceText,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import Box from '@material-ui/core/Box';

const sizes = (list: number[]) => (list.length ? list.join(' × ') : '—');

/** The parameters a hyperparameter search tunes, each with its feasible space. */
const ParameterSpace = ({ experiment }: { experiment: KatibExperimentDto }) => (
  <Table<KatibParameterSummary>
    title="Parameter space"
    options={{ paging: false, search: false, padding: 'dense' }}
    columns={[
      { title: 'Parameter', field: 'name' },
      { title: 'Type', field: 'type' },
      { title: 'Feasible space', render: p => katibFeasibleSpaceText(p) },
    ]}
    data={experiment.parameters}
    emptyContent={<Box p={2}>The experiment declares no parameter.</Box>}
  />
);

/** A NAS experiment's graph (layers, input and output sizes) and the operations it may place. */
const ArchitectureSpace = ({
  experiment,
}: {
  experiment: KatibExperimentDto;
}) => {
  const nas = experiment.nas!;
  return (
    <InfoCard title="Architecture search space">
      <StructuredMetadataTable
        metadata={{
          Layers: nas.numLayers ?? '—',
          'Input sizes': sizes(nas.inputSizes),
          'Output sizes': sizes(nas.outputSizes),
        }}
      />
      <Table<KatibOperationSummary>
        title={`Operations (${nas.operations.length})`}
        options={{
          paging: false,
          search: false,
          padding: 'dense',
          toolbar: true,
        }}
        columns={[
          { title: 'Operation', field: 'type' },
          {
            title: 'Parameters',
            render: o =>
              o.parameters.length
                ? o.parameters
                    .map(
                      p =>
                        `${p.name} (${p.type}): ${katibFeasibleSpaceText(p)}`,
                    )
                    .join('; ')
                : '—',
          },
        ]}
        data={nas.operations}
      />
    </InfoCard>
  );
};

/** What the experiment searches: its parameter space, or for NAS the architecture space. */
export const SearchSpace = ({
  experiment,
}: {
  experiment: KatibExperimentDto;
}) =>
  experiment.nas ? (
    <ArchitectureSpace experiment={experiment} />
  ) : (
    <ParameterSpace experiment={experiment} />
  );
