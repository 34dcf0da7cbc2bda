import { buildEntities, ClusterSnapshot } from './buildEntities';
import { INGESTIBLE_KINDS } from './config';

const empty: ClusterSnapshot = {
  profiles: [],
  rolebindings: [],
  notebooks: [],
  experiments: [],
  inferenceservices: [],
  inferencegraphs: [],
  llminferenceservices: [],
  trainjobs: [],
  trainingjobs: [],
  sparkapplications: [],
  scheduledsparkapplications: [],
  pipelines: [],
  pipelineVersions: new Map(),
  pipelineExperiments: [],
  registry: {
    models: [],
    versions: [],
    inferenceServices: [],
    artifactsByVersion: new Map(),
  },
};

const context = {
  cluster: 'sandbox',
  profiles: new Set(['team-a']),
  defaultOwner: 'group:default/ml-platform',
  userRefOf: () => undefined,
};

const notebook = (name: string, spec: unknown) => ({
  apiVersion: 'kubeflow.org/v1',
  kind: 'Notebook',
  metadata: { name, namespace: 'team-a' },
  spec,
});

describe('buildEntities with malformed objects', () => {
  it('skips what cannot become an entity, with a reason, and keeps the rest', () => {
    const skipped: Array<[unknown, string]> = [];
    const entities = buildEntities(
      {
        ...empty,
        notebooks: [
          notebook('good', {
            template: {
              spec: { containers: [{ name: 'good', image: 'jupyter' }] },
            },
          }),
          notebook('no-template', { template: 'not an object' }),
          { kind: 'Notebook', metadata: { namespace: 'team-a' } }, // no name at all
          notebook('Not_A_Valid.Entity-Name', {
            template: {
              spec: { containers: [{ name: 'x', image: 'jupyter' }] },
            },
          }),
        ],
        pipelines: [
          { display_name: 'no id' },
          { pipeline_id: 'p1', name: 'train' },
        ],
        registry: {
          ...empty.registry,
          models: [
            { id: '1', name: 'ok' },
            { name: 'no id' },
            { id: '3', name: 'bad', customProperties: 42 as any },
          ],
        },
      },
      context,
      {
        kinds: new Set(INGESTIBLE_KINDS),
        namespaceAllowed: () => true,
        onSkip: (object, reason) => skipped.push([object, reason]),
      },
    );
    const names = entities.map(e => e.metadata.name);
    expect(names).toContain('team-a.good');
    expect(names).toContain('shared.train');
    expect(names).toContain('shared.ok');
    // An invalid name is made valid (and kept distinct with a hash), not dropped.
    expect(names.find(n => n.startsWith('team-a.not-a-valid'))).toMatch(
      /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/,
    );
    expect(names).not.toContain('team-a.no-template');
    expect(
      skipped.map(([o]) => (o as any).metadata?.name ?? (o as any).name),
    ).toEqual(expect.arrayContaining(['no-template']));
    expect(skipped.every(([, reason]) => reason.length > 0)).toBe(true);
  });
});
