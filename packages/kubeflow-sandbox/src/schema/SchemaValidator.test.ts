import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { resolveSpecsDir } from '../sandbox';
import type { KubeObject } from '../store/types';
import { SchemaValidator } from './SchemaValidator';
import { TypeRegistry } from './TypeRegistry';

const specs = resolveSpecsDir();
const registry = TypeRegistry.load(specs);
const validator = new SchemaValidator(registry);

function examples(): Array<[string, KubeObject]> {
  const files = [
    'kserve/examples/sklearn.yaml',
    'katib/examples/random.yaml',
    'spark-operator/examples/spark-pi.yaml',
    'spark-operator/examples/spark-pi-scheduled.yaml',
    'trainer/examples/torch_distributed.yaml',
    'trainer/examples/01-multi-node.yaml',
    'dashboard/examples/_v1_profile.yaml',
    'dashboard/examples/_v1beta1_profile.yaml',
    'dashboard/examples/poddefault-inject-containers.yaml',
  ];
  return files.flatMap(file =>
    (
      yaml.loadAll(
        fs.readFileSync(path.join(specs, file), 'utf8'),
      ) as KubeObject[]
    )
      .filter(Boolean)
      .map(doc => [file, doc] as [string, KubeObject]),
  );
}

function typeOf(object: KubeObject) {
  const [group, version] = object.apiVersion.split('/');
  const type = registry.findKind(group, object.kind);
  if (!type) throw new Error(`no type for ${object.apiVersion} ${object.kind}`);
  return { type, version };
}

describe('SchemaValidator', () => {
  it('loads every catalogued CRD from the specs', () => {
    expect(registry.warnings).toEqual([]);
    expect(registry.get('notebooks.kubeflow.org')?.versions).toEqual([
      'v1',
      'v1alpha1',
      'v1beta1',
    ]);
    expect(
      registry.get('inferenceservices.serving.kserve.io')?.shortNames,
    ).toEqual(['isvc']);
    expect(registry.get('profiles.kubeflow.org')?.namespaced).toBe(false);
  });

  it.each(examples())('admits the official example %s', (_file, object) => {
    const { type, version } = typeOf(object);
    expect(() =>
      validator.admit(type, version, structuredClone(object)),
    ).not.toThrow();
  });

  it('rejects a Katib Experiment with a string parallelTrialCount (swagger schema)', () => {
    const [, experiment] = examples().find(([file]) =>
      file.startsWith('katib'),
    )!;
    const broken = structuredClone(experiment) as any;
    broken.spec.parallelTrialCount = 'three';
    const { type, version } = typeOf(broken);
    expect(() => validator.admit(type, version, broken)).toThrow(
      expect.objectContaining({
        status: expect.objectContaining({
          code: 422,
          details: expect.objectContaining({
            causes: [
              expect.objectContaining({
                field: 'spec.parallelTrialCount',
                reason: 'FieldValueTypeInvalid',
              }),
            ],
          }),
        }),
      }),
    );
  });

  it('rejects an InferenceService with a wrong type deep in the predictor', () => {
    const [, isvc] = examples().find(([file]) => file.startsWith('kserve'))!;
    const broken = structuredClone(isvc) as any;
    broken.spec.predictor.minReplicas = 'many';
    const { type, version } = typeOf(broken);
    expect(() => validator.admit(type, version, broken)).toThrow(
      /spec.predictor.minReplicas/,
    );
  });
});
