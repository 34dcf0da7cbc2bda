import yaml from 'js-yaml';
import { startSandbox, Sandbox } from '../sandbox';
import { upstreamSamples } from '../samples';
import { runKubectl } from './__fixtures__/kubectl';

/**
 * Every object the upstream projects publish as an example (specs/lock.json, `k8s-manifest`)
 * applies with kubectl into a profile namespace, as a user would load them, and reads back.
 */
describe('upstream sample objects', () => {
  let sandbox: Sandbox;
  const samples = upstreamSamples('k8s-manifest');

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seed: 'none', controllers: false });
  });
  afterAll(() => sandbox.stop());

  it('covers what Kubeflow publishes', () => {
    const kinds = new Set(samples.flatMap(s => s.kinds));
    expect(samples.length).toBeGreaterThanOrEqual(60);
    for (const kind of [
      'serving.kserve.io/v1beta1 InferenceService',
      'serving.kserve.io/v1alpha1 InferenceGraph',
      'kubeflow.org/v1beta1 Experiment',
      'kubeflow.org/v1 PyTorchJob',
      'trainer.kubeflow.org/v1alpha1 TrainJob',
      'sparkoperator.k8s.io/v1beta2 ScheduledSparkApplication',
      'kubeflow.org/v1 Notebook',
    ])
      expect(kinds).toContain(kind);
  });

  it('applies every one with kubectl into a namespace and reads it back', async () => {
    const refused: string[] = [];
    for (const [i, sample] of samples.entries()) {
      const namespace = `sample-${i}`;
      await runKubectl(sandbox.url, ['create', 'namespace', namespace]);
      // Samples carry no namespace or pin their own: each goes into the one chosen for it.
      const documents = sample.documents.map(d => {
        const { namespace: _ignored, ...metadata } = d.metadata ?? {};
        return { ...d, metadata };
      });
      const input = documents.map(d => yaml.dump(d)).join('---\n');
      const applied = await runKubectl(
        sandbox.url,
        ['apply', '-n', namespace, '-f', '-'],
        input,
      );
      if (applied.code !== 0) {
        refused.push(`${sample.file}: ${applied.stderr.trim()}`);
        continue;
      }
      const names = documents.map(d => {
        const group = d.apiVersion.includes('/') ? d.apiVersion.split('/')[0] : '';
        return `${d.kind}${group ? `.${group}` : ''}/${d.metadata.name}`;
      });
      const got = await runKubectl(sandbox.url, [
        'get',
        '-n',
        namespace,
        ...names,
        '-o',
        'name',
      ]);
      if (got.stdout.trim().split('\n').length !== documents.length)
        refused.push(`${sample.file}: get: ${got.stderr.trim()}`);
    }
    expect(refused).toEqual([]);
  }, 180_000);
});
