import fs from 'fs';
import yaml from 'js-yaml';
import path from 'path';
import { trainingOperatorJobDisplayState } from '../status';
import {
  TRAINING_OPERATOR_KINDS,
  TrainingOperatorJob,
  TrainingOperatorKind,
  trainingOperatorJobSummary,
} from './trainingOperator';
import {
  SPECS_DIR,
  crdSchema,
  schemaErrors,
  unknownFields,
} from './__testUtils__/officialSchemas';

const read = (file: string) =>
  yaml.load(fs.readFileSync(path.join(SPECS_DIR, file), 'utf8')) as any;

const crdFile = (kind: string) =>
  `trainer/legacy-training-operator-v1/kubeflow.org_${kind.toLowerCase()}s.yaml`;

/** A job of `kind` with a Chief/Master and two workers, one GPU each. */
function job(kind: TrainingOperatorKind): TrainingOperatorJob {
  const role = (replicas: number) => ({
    replicas,
    restartPolicy: 'OnFailure',
    template: {
      spec: {
        containers: [
          {
            name: 'main',
            image: `example.com/${kind.toLowerCase()}:1`,
            command: ['python', 'train.py'],
            args: ['--epochs=2'],
            resources: { limits: { 'nvidia.com/gpu': '1' } },
          },
        ],
      },
    },
  });
  const lead = kind === 'MPIJob' ? 'Launcher' : 'Master';
  return {
    apiVersion: 'kubeflow.org/v1',
    kind,
    metadata: { name: 'j', namespace: 'team-a' },
    spec: {
      runPolicy: { backoffLimit: 3, cleanPodPolicy: 'None' },
      [TRAINING_OPERATOR_KINDS[kind].replicaSpecs]: {
        [lead]: role(1),
        Worker: role(2),
      },
    },
  };
}

describe('Training Operator v1 jobs', () => {
  it.each(Object.keys(TRAINING_OPERATOR_KINDS) as TrainingOperatorKind[])(
    'reads a %s in the shape its CRD defines',
    kind => {
      const object = job(kind);
      // The shape is the CRD's (no field it does not declare), so the mapping reads real jobs.
      const schema = crdSchema(crdFile(kind), 'v1');
      expect(schemaErrors(schema, object)).toEqual([]);
      expect(unknownFields(schema, object)).toEqual([]);
      const summary = trainingOperatorJobSummary(object);
      expect(summary.kind).toBe(kind);
      expect(summary.framework).toBe(TRAINING_OPERATOR_KINDS[kind].framework);
      expect(summary.replicas).toBe(3);
      expect(summary.roles.map(r => [r.role, r.replicas, r.gpus])).toEqual([
        [kind === 'MPIJob' ? 'Launcher' : 'Master', 1, 1],
        ['Worker', 2, 1],
      ]);
      expect(summary.roles[1].command).toEqual([
        'python',
        'train.py',
        '--epochs=2',
      ]);
      expect(summary.details).toEqual({
        'Backoff limit': '3',
        'Clean pod policy': 'None',
      });
    },
  );

  it('reads the upstream elastic PyTorchJob sample', () => {
    const summary = trainingOperatorJobSummary(
      read('samples/trainer/release-1.9__pytorch__elastic__echo__echo.yaml'),
    );
    expect(summary.roles).toEqual([
      expect.objectContaining({
        role: 'Worker',
        replicas: 2,
        image:
          'ghcr.io/kubeflow/training-v1/pytorch-elastic-example-echo:latest',
        command: [
          'python',
          '-m',
          'torch.distributed.run',
          '--rdzv_backend=c10d',
          './echo.py',
        ],
        gpus: 0,
      }),
    ]);
    expect(summary.details.Elastic).toBe('1–2 replicas');
  });

  it.each([
    ['kubeflow-training-operator__pytorchjob-mnist', 'PyTorchJob', 2],
    ['kubeflow-training-operator__xgboostjob-lightgbm', 'XGBoostJob', 3],
  ])('reads the job in the Katib sample %s', (file, kind, replicas) => {
    const trial = read(`samples/katib/${file}.yaml`).spec.trialTemplate
      .trialSpec;
    const summary = trainingOperatorJobSummary(trial);
    expect(summary.kind).toBe(kind);
    expect(summary.replicas).toBe(replicas);
    expect(summary.roles[0].image).toMatch(/^ghcr\.io\/kubeflow\/katib\//);
  });

  it('takes the state from the last true condition, or the suspend flag', () => {
    const base = job('PyTorchJob');
    const withConditions = (...types: Array<[string, string]>) => ({
      ...base,
      status: {
        conditions: types.map(([type, status]) => ({
          type,
          status: status as 'True' | 'False',
          message: `${type} message`,
        })),
      },
    });
    expect(trainingOperatorJobDisplayState(base).phase).toBe('waiting');
    expect(
      trainingOperatorJobDisplayState({
        ...base,
        spec: { ...base.spec, runPolicy: { suspend: true } },
      }).phase,
    ).toBe('stopped');
    expect(
      trainingOperatorJobDisplayState(
        withConditions(['Created', 'True'], ['Running', 'True']),
      ),
    ).toEqual({ phase: 'ready', message: 'Running message' });
    expect(
      trainingOperatorJobDisplayState(
        withConditions(
          ['Created', 'True'],
          ['Running', 'False'],
          ['Failed', 'True'],
        ),
      ).phase,
    ).toBe('error');
    expect(
      trainingOperatorJobDisplayState(
        withConditions(
          ['Created', 'True'],
          ['Running', 'False'],
          ['Suspended', 'True'],
        ),
      ).phase,
    ).toBe('stopped');
  });
});
