import { ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  PipelineDto,
  PipelineParameterDto,
  PipelineVersionDto,
  RunDto,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useEffect, useState } from 'react';
import { kubeflowApiRef } from '../../api/KubeflowApi';
import { formatValue } from './format';

const TYPE_HINTS: Record<string, string> = {
  NUMBER_INTEGER: 'integer',
  NUMBER_DOUBLE: 'number',
  STRING: 'text',
  BOOLEAN: 'true or false',
  LIST: 'JSON list',
  STRUCT: 'JSON object',
};

function newKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

const ParameterField = ({
  parameter,
  value,
  onChange,
}: {
  parameter: PipelineParameterDto;
  value: string;
  onChange: (value: string) => void;
}) => {
  const label = `${parameter.name} (${
    TYPE_HINTS[parameter.type] ?? parameter.type
  })`;
  const common = {
    label,
    value,
    required: !parameter.optional,
    fullWidth: true,
    margin: 'dense' as const,
    helperText:
      parameter.description ??
      (parameter.defaultValue !== undefined
        ? `Default: ${formatValue(parameter.defaultValue)}`
        : undefined),
    onChange: (e: any) => onChange(e.target.value),
    inputProps: { 'aria-label': parameter.name },
  };
  if (parameter.type === 'BOOLEAN') {
    return (
      <TextField select {...common}>
        <MenuItem value="">{parameter.optional ? 'Default' : '—'}</MenuItem>
        <MenuItem value="true">true</MenuItem>
        <MenuItem value="false">false</MenuItem>
      </TextField>
    );
  }
  const numeric = parameter.type.startsWith('NUMBER');
  return (
    <TextField
      {...common}
      type={numeric ? 'number' : 'text'}
      multiline={parameter.type === 'LIST' || parameter.type === 'STRUCT'}
    />
  );
};

/**
 * The form to start a run of a pipeline version, generated from the inputs the version declares.
 * One submission creates one run, even when the request is sent twice.
 */
export const CreateRunDialog = ({
  pipeline,
  version,
  cluster,
  namespace,
  open,
  onClose,
  onCreated,
}: {
  pipeline: PipelineDto;
  version: PipelineVersionDto;
  cluster: string;
  namespace: string;
  open: boolean;
  onClose: () => void;
  onCreated: (run: RunDto) => void;
}) => {
  const api = useApi(kubeflowApiRef);
  const [name, setName] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [key, setKey] = useState(newKey);
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!open) return;
    setName(
      `${pipeline.name}-${new Date()
        .toISOString()
        .slice(0, 16)
        .replace(/[:T]/g, '-')}`,
    );
    setValues(
      Object.fromEntries(
        version.parameters.map(p => [
          p.name,
          p.defaultValue !== undefined ? formatValue(p.defaultValue) : '',
        ]),
      ),
    );
    setKey(newKey());
    setError(undefined);
  }, [open, pipeline.name, version]);

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const run = await api.createRun({
        cluster,
        namespace,
        name,
        pipelineId: pipeline.id,
        pipelineVersionId: version.id,
        parameters: Object.fromEntries(
          Object.entries(values).filter(([, v]) => v !== ''),
        ),
        idempotencyKey: key,
      });
      onCreated(run);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>
        Start a run of {pipeline.displayName} {version.displayName}
      </DialogTitle>
      <DialogContent>
        {error && <ResponseErrorPanel error={error} />}
        <TextField
          label="Run name"
          value={name}
          onChange={e => setName(e.target.value)}
          required
          fullWidth
          margin="dense"
          inputProps={{ 'aria-label': 'Run name' }}
        />
        {version.parameters.length ? (
          version.parameters.map(p => (
            <ParameterField
              key={p.name}
              parameter={p}
              value={values[p.name] ?? ''}
              onChange={v => setValues({ ...values, [p.name]: v })}
            />
          ))
        ) : (
          <Typography variant="body2">
            This version takes no parameters.
          </Typography>
        )}
        <Typography variant="caption" color="textSecondary">
          The run starts in {namespace}, in the profile&apos;s Default
          experiment.
        </Typography>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={busy || !name.trim()}
          onClick={submit}
        >
          Start run
        </Button>
      </DialogActions>
    </Dialog>
  );
};
