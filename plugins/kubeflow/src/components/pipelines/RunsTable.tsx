import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { RunDto } from '@kubeflow-backstage/plugin-kubeflow-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import Link from '@material-ui/core/Link';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { ReactNode, useEffect, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { kubeflowApiRef } from '../../api/KubeflowApi';
import { RunQuery } from '../../api/KubeflowExperimentsApi';
import { StateLabel } from '../StateLabel';
import { formatDuration, formatTime } from './format';

const STATES = [
  'RUNNING',
  'PENDING',
  'SUCCEEDED',
  'FAILED',
  'CANCELING',
  'CANCELED',
  'SKIPPED',
];
const SORTS: Array<[NonNullable<RunQuery['sort']>, string]> = [
  ['created_at', 'Created'],
  ['finished_at', 'Finished'],
  ['display_name', 'Name'],
  ['state', 'State'],
];
const PAGE_SIZE = 10;

/**
 * A page of KFP runs at a time: KFP filters (state, name), sorts and pages on the server; the
 * table keeps the page tokens it was given so Previous goes back without re-reading.
 */
export const RunsTable = ({
  cluster,
  namespace,
  pipelineId,
  experimentId,
  onOpen,
  refreshKey = 0,
  actions,
}: {
  cluster: string;
  namespace: string;
  pipelineId?: string;
  experimentId?: string;
  onOpen: (run: RunDto) => void;
  refreshKey?: number;
  actions?: ReactNode;
}) => {
  const api = useApi(kubeflowApiRef);
  const [state, setState] = useState('');
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<NonNullable<RunQuery['sort']>>('created_at');
  const [order, setOrder] = useState<'asc' | 'desc'>('desc');
  const [tokens, setTokens] = useState<Array<string | undefined>>([undefined]);
  const page = tokens.length - 1;

  // A new filter or sort starts from the first page.
  const restart =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setTokens([undefined]);
    };
  useEffect(() => {
    const timer = setTimeout(() => {
      if (searchText.trim() !== search) restart(setSearch)(searchText.trim());
    }, 400);
    return () => clearTimeout(timer);
  }, [searchText, search]);

  const { value, loading, error } = useAsync(
    () =>
      api.getRuns({
        cluster,
        namespace,
        pipelineId,
        experimentId,
        pageSize: PAGE_SIZE,
        pageToken: tokens[page],
        state: state || undefined,
        search: search || undefined,
        sort,
        order,
      }),
    [
      api,
      cluster,
      namespace,
      pipelineId,
      experimentId,
      tokens,
      state,
      search,
      sort,
      order,
      refreshKey,
    ],
  );

  const columns: TableColumn<RunDto>[] = [
    {
      title: 'Run',
      render: run => (
        <Link
          component="button"
          variant="body2"
          onClick={() => onOpen(run)}
          aria-label={`Open run ${run.name}`}
        >
          {run.name}
        </Link>
      ),
    },
    {
      title: 'State',
      render: run => (
        <StateLabel
          state={{
            ...run.display,
            message:
              run.display.message.length > 70
                ? `${run.display.message.slice(0, 70)}…`
                : run.display.message,
          }}
        />
      ),
    },
    { title: 'Created', render: run => formatTime(run.createdAt) },
    { title: 'Duration', render: run => formatDuration(run.durationSeconds) },
  ];

  const pages = value ? Math.max(1, Math.ceil(value.totalSize / PAGE_SIZE)) : 1;
  return (
    <InfoCard title="Runs" action={actions}>
      <Box
        display="flex"
        flexWrap="wrap"
        alignItems="flex-end"
        mb={2}
        style={{ gap: 16 }}
      >
        <TextField
          label="Search by name"
          value={searchText}
          onChange={e => setSearchText(e.target.value)}
          inputProps={{ 'aria-label': 'Search runs by name' }}
        />
        <FormControl style={{ minWidth: 140 }}>
          <InputLabel id="run-state-label">State</InputLabel>
          <Select
            labelId="run-state-label"
            value={state}
            onChange={e => restart(setState)(String(e.target.value))}
            inputProps={{ 'aria-label': 'Filter runs by state' }}
          >
            <MenuItem value="">All</MenuItem>
            {STATES.map(s => (
              <MenuItem key={s} value={s}>
                {s.charAt(0) + s.slice(1).toLowerCase()}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
        <FormControl style={{ minWidth: 120 }}>
          <InputLabel id="run-sort-label">Sort by</InputLabel>
          <Select
            labelId="run-sort-label"
            value={sort}
            onChange={e => restart(setSort)(e.target.value as typeof sort)}
            inputProps={{ 'aria-label': 'Sort runs by' }}
          >
            {SORTS.map(([key, label]) => (
              <MenuItem key={key} value={key}>
                {label}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
        <Button
          size="small"
          variant="outlined"
          onClick={() => restart(setOrder)(order === 'asc' ? 'desc' : 'asc')}
          aria-label={`Order ${order === 'asc' ? 'ascending' : 'descending'}`}
        >
          {order === 'asc' ? 'Ascending ↑' : 'Descending ↓'}
        </Button>
      </Box>
      {error && <ResponseErrorPanel error={error} />}
      {loading && !value && <Progress />}
      {value && !value.runs.length && (
        <EmptyState
          missing="data"
          title={state || search ? 'No run matches' : 'No runs yet'}
          description={
            state || search
              ? 'No run matches this state or name. Clear the filters to see every run.'
              : 'Start a run from a pipeline version to see it here.'
          }
        />
      )}
      {value && value.runs.length > 0 && (
        <>
          <Table<RunDto>
            options={{
              paging: false,
              search: false,
              sorting: false,
              toolbar: false,
              padding: 'dense',
            }}
            columns={columns}
            data={value.runs}
          />
          <Box
            display="flex"
            alignItems="center"
            justifyContent="flex-end"
            mt={1}
            style={{ gap: 12 }}
          >
            <Typography variant="body2">
              Page {page + 1} of {pages} · {value.totalSize} run
              {value.totalSize === 1 ? '' : 's'}
            </Typography>
            <Button
              size="small"
              disabled={page === 0 || loading}
              onClick={() => setTokens(tokens.slice(0, -1))}
            >
              Previous
            </Button>
            <Button
              size="small"
              disabled={!value.nextPageToken || loading}
              onClick={() => setTokens([...tokens, value.nextPageToken])}
            >
              Next
            </Button>
          </Box>
        </>
      )}
    </InfoCard>
  );
};
