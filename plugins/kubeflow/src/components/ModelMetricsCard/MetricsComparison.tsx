import { Table, TableColumn } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  MetricsComparisonDto,
  MetricsRowDto,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import Box from '@material-ui/core/Box';
import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import Link from '@material-ui/core/Link';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { StateLabel } from '../StateLabel';
import { formatValue } from '../pipelines/format';

/** How each kind of source is named and coloured. */
export const SOURCE_KINDS: Record<
  MetricsRowDto['source']['kind'],
  { label: string; colour: string }
> = {
  'pipeline-run': { label: 'Pipeline run', colour: '#43a047' },
  'katib-experiment': { label: 'Katib best trial', colour: '#8e24aa' },
  trainjob: { label: 'Training job', colour: '#00acc1' },
  notebook: { label: 'Notebook', colour: '#fb8c00' },
};

const SourceLink = ({ row }: { row: MetricsRowDto }) => {
  const entityRoute = useRouteRef(entityRouteRef);
  const { source } = row;
  if (!source.entityRef) return <>{source.name}</>;
  let to = entityRoute(entityRouteParams(source.entityRef));
  // A run opens in its pipeline's Kubeflow tab.
  if (source.kind === 'pipeline-run' && source.id)
    to = `${to}/kubeflow?run=${encodeURIComponent(source.id)}`;
  return (
    <Link component={RouterLink} to={to}>
      {source.name}
    </Link>
  );
};

/**
 * One table and one chart of the metrics of runs, Katib experiments, training jobs and notebooks
 * side by side, each row linking to its source.
 */
export const MetricsComparison = ({
  value,
}: {
  value: MetricsComparisonDto;
}) => {
  const [metric, setMetric] = useState<string>();
  const chosen =
    metric && value.metricNames.includes(metric)
      ? metric
      : value.metricNames[0];
  const hasVersions = value.rows.some(r => r.version);
  const columns: TableColumn<MetricsRowDto>[] = [
    { title: 'Source', render: r => SOURCE_KINDS[r.source.kind].label },
    { title: 'Name', render: r => <SourceLink row={r} /> },
    ...(hasVersions
      ? [
          {
            title: 'Model version',
            render: (r: MetricsRowDto) => r.version ?? '—',
          },
        ]
      : []),
    {
      title: 'State',
      render: r =>
        r.source.state ? (
          <StateLabel state={{ ...r.source.state, message: '' }} />
        ) : (
          '—'
        ),
    },
    {
      title: 'Parameters',
      render: r =>
        Object.entries(r.parameters)
          .map(([k, v]) => `${k}=${v}`)
          .join(', ') || '—',
    },
    ...value.metricNames.map(name => ({
      title: name,
      render: (r: MetricsRowDto) =>
        r.metrics[name] !== undefined ? formatValue(r.metrics[name]) : '—',
    })),
  ];
  const data = value.rows
    .filter(r => chosen && r.metrics[chosen] !== undefined)
    .map(r => ({
      label: r.version ? `${r.source.name} (${r.version})` : r.source.name,
      value: r.metrics[chosen!],
      colour: SOURCE_KINDS[r.source.kind].colour,
    }));
  return (
    <>
      <Table<MetricsRowDto>
        options={{
          paging: value.rows.length > 25,
          pageSize: 25,
          search: false,
          toolbar: false,
          padding: 'dense',
        }}
        columns={columns}
        data={value.rows}
      />
      {value.metricNames.length > 0 && (
        <Box mt={2}>
          <FormControl style={{ minWidth: 160 }}>
            <InputLabel id="metric-label">Metric</InputLabel>
            <Select
              labelId="metric-label"
              value={chosen}
              onChange={e => setMetric(String(e.target.value))}
              inputProps={{ 'aria-label': 'Metric to chart' }}
            >
              {value.metricNames.map(m => (
                <MenuItem key={m} value={m}>
                  {m}
                </MenuItem>
              ))}
            </Select>
          </FormControl>
          <Box
            role="img"
            aria-label={`${chosen} by source`}
            style={{ overflowX: 'auto' }}
          >
            <BarChart
              width={Math.max(360, data.length * 120)}
              height={340}
              data={data}
              margin={{ top: 16, right: 24, bottom: 16, left: 96 }}
            >
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis
                dataKey="label"
                interval={0}
                angle={-15}
                textAnchor="end"
                height={90}
              />
              <YAxis domain={[0, 'auto']} />
              <Tooltip formatter={(v: any) => [formatValue(v), chosen]} />
              <Bar dataKey="value" isAnimationActive={false}>
                {data.map(d => (
                  <Cell key={d.label} fill={d.colour} />
                ))}
              </Bar>
            </BarChart>
          </Box>
          <Box display="flex" style={{ gap: 16 }}>
            {Object.entries(SOURCE_KINDS).map(([kind, k]) => (
              <Typography key={kind} variant="caption">
                <span style={{ color: k.colour }}>■</span> {k.label}
              </Typography>
            ))}
          </Box>
        </Box>
      )}
      {value.missing.length > 0 && (
        <Typography
          variant="body2"
          color="textSecondary"
          style={{ marginTop: 8 }}
        >
          Left out: {value.missing.join('; ')}.
        </Typography>
      )}
    </>
  );
};
