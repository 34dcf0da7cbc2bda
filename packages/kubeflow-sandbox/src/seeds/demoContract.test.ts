import { SchemaValidator } from '../schema/SchemaValidator';
import { testRegistry } from '../controllers/__fixtures__/harness';
import { ContractChecker } from '../services/__fixtures__/contracts';
import { startSeededCluster } from './__fixtures__/demoCluster';

const KATIB: Record<string, string> = {
  'experiments.kubeflow.org': 'v1beta1.Experiment',
  'trials.kubeflow.org': 'v1beta1.Trial',
  'suggestions.kubeflow.org': 'v1beta1.Suggestion',
};

describe('demo seed contract', () => {
  it('every Kubeflow object validates against its official schema, with no unknown properties', async () => {
    // The store runs without validation so that nothing is pruned before we look.
    const cluster = startSeededCluster('demo', {
      validate: false,
      timeScale: 0.01,
    });
    try {
      // Let the controllers take running things a few steps further.
      await new Promise(r => setTimeout(r, 800));
      const registry = testRegistry();
      const validator = new SchemaValidator(registry);
      const katib = ContractChecker.katib();
      const problems: string[] = [];
      const counts: Record<string, number> = {};
      for (const type of registry.all()) {
        const key = type.group ? `${type.plural}.${type.group}` : type.plural;
        const schema = registry.schema(key, type.version);
        if (!schema) continue;
        for (const object of cluster.store.list(key)) {
          counts[type.kind] = (counts[type.kind] ?? 0) + 1;
          const where = `${type.kind} ${object.metadata.namespace ?? ''}/${
            object.metadata.name
          }`;
          if (KATIB[key]) {
            problems.push(
              ...katib.check(KATIB[key], object).map(p => `${where}: ${p}`),
            );
            continue;
          }
          try {
            const result = validator.admit(
              type,
              type.version,
              structuredClone(object),
              'Warn',
            );
            problems.push(...result.warnings.map(w => `${where}: ${w}`));
          } catch (error: any) {
            problems.push(
              `${where}: ${error.message} ${JSON.stringify(
                error.status?.details?.causes ?? '',
              )}`,
            );
          }
        }
      }
      expect(problems).toEqual([]);
      for (const kind of [
        'Profile',
        'Notebook',
        'PodDefault',
        'Tensorboard',
        'InferenceService',
        'Experiment',
        'Trial',
        'Suggestion',
        'TrainJob',
        'ClusterTrainingRuntime',
        'SparkApplication',
        'ScheduledSparkApplication',
      ]) {
        expect([kind, counts[kind] ?? 0]).toEqual([kind, expect.any(Number)]);
        expect(counts[kind]).toBeGreaterThan(0);
      }
    } finally {
      cluster.stop();
    }
  });

  it('catches a typo (the unknown-property walk works)', () => {
    const katib = ContractChecker.katib();
    const problems = katib.check('v1beta1.Experiment', {
      apiVersion: 'kubeflow.org/v1beta1',
      kind: 'Experiment',
      metadata: { name: 'x' },
      spec: { parallelTrialCount: 2, maxTrialCont: 3 },
    });
    expect(problems).toEqual(['/spec/maxTrialCont is not a known property']);
    const registry = testRegistry();
    const type = registry.get('notebooks.kubeflow.org')!;
    const result = new SchemaValidator(registry).admit(
      type,
      'v1',
      {
        apiVersion: 'kubeflow.org/v1',
        kind: 'Notebook',
        metadata: { name: 'x', namespace: 'y' },
        spec: {
          template: {
            spec: {
              containers: [{ name: 'x', image: 'y', imagePullPolcy: 'Always' }],
            },
          },
        },
      } as any,
      'Warn',
    );
    expect(result.warnings).toEqual([
      'unknown field "spec.template.spec.containers[0].imagePullPolcy"',
    ]);
  });
});
