import * as fixtures from './__fixtures__/fixtures';
import {
  crdSchema,
  documentSchema,
  schemaErrors,
  unknownFields,
} from './__testUtils__/officialSchemas';

/**
 * Each fixture sets every field our shapes declare (its type is Complete<T>), so if it validates
 * against the official definition and has no field the definition lacks, the shape is a faithful
 * subset of the official one.
 */
const cases: Array<[string, unknown, () => Record<string, any>]> = [
  [
    'Notebook',
    fixtures.notebook,
    () => crdSchema('notebooks/kubeflow.org_notebooks.yaml', 'v1'),
  ],
  [
    'Profile',
    fixtures.profile,
    () => crdSchema('dashboard/kubeflow.org_profiles.yaml', 'v1'),
  ],
  [
    'InferenceService',
    fixtures.inferenceService,
    () =>
      crdSchema('kserve/serving.kserve.io_inferenceservices.yaml', 'v1beta1'),
  ],
  [
    'TrainJob',
    fixtures.trainJob,
    () => crdSchema('trainer/trainer.kubeflow.org_trainjobs.yaml', 'v1alpha1'),
  ],
  [
    'SparkApplication',
    fixtures.sparkApplication,
    () =>
      crdSchema(
        'spark-operator/sparkoperator.k8s.io_sparkapplications.yaml',
        'v1beta2',
      ),
  ],
  [
    'Katib Experiment',
    fixtures.katibExperiment,
    () =>
      documentSchema(
        'katib/swagger.json',
        '#/components/schemas/v1beta1.Experiment',
      ),
  ],
  // Katib's swagger names the Trial schemas with a leading dot.
  [
    'Katib Trial',
    fixtures.katibTrial,
    () =>
      documentSchema(
        'katib/swagger.json',
        '#/components/schemas/.v1beta1.Trial',
      ),
  ],
  ...(
    [
      ['KFP pipeline', fixtures.kfpPipeline, 'v2beta1Pipeline'],
      [
        'KFP pipeline version',
        fixtures.kfpPipelineVersion,
        'v2beta1PipelineVersion',
      ],
      ['KFP experiment', fixtures.kfpExperiment, 'v2beta1Experiment'],
      ['KFP run', fixtures.kfpRun, 'v2beta1Run'],
      ['KFP recurring run', fixtures.kfpRecurringRun, 'v2beta1RecurringRun'],
    ] as const
  ).map(
    ([name, value, definition]) =>
      [
        name,
        value,
        () =>
          documentSchema(
            'pipelines/kfp_api_single_file.swagger.json',
            `#/definitions/${definition}`,
          ),
      ] as [string, unknown, () => Record<string, any>],
  ),
  ...(
    [
      ['registered model', fixtures.registeredModel, 'RegisteredModel'],
      ['model version', fixtures.modelVersion, 'ModelVersion'],
      ['model artifact', fixtures.modelArtifact, 'ModelArtifact'],
      [
        'registry inference service',
        fixtures.registryInferenceService,
        'InferenceService',
      ],
    ] as const
  ).map(
    ([name, value, definition]) =>
      [
        name,
        value,
        () =>
          documentSchema(
            'model-registry/model-registry.yaml',
            `#/components/schemas/${definition}`,
          ),
      ] as [string, unknown, () => Record<string, any>],
  ),
];

describe('resource shapes match the official definitions', () => {
  it.each(cases)('%s', (_name, value, schemaOf) => {
    const schema = schemaOf();
    expect(schemaErrors(schema, value)).toEqual([]);
    expect(unknownFields(value, schema)).toEqual([]);
  });

  it('catches a field the official definition lacks, and a wrong type', () => {
    const schema = crdSchema('notebooks/kubeflow.org_notebooks.yaml', 'v1');
    const typo = structuredClone(fixtures.notebook) as any;
    typo.status.readyReplica = 1;
    expect(unknownFields(typo, schema)).toEqual(['.status.readyReplica']);
    const wrongType = structuredClone(fixtures.notebook) as any;
    wrongType.status.readyReplicas = 'one';
    expect(schemaErrors(schema, wrongType).join()).toMatch(/readyReplicas/);
  });

  it('catches a framework shortcut field the InferenceService definition lacks', () => {
    const schema = crdSchema(
      'kserve/serving.kserve.io_inferenceservices.yaml',
      'v1beta1',
    );
    const typo = structuredClone(fixtures.inferenceService) as any;
    // The fixture shares one object between the shortcuts; structuredClone keeps that.
    typo.spec.predictor.xgboost = {
      ...typo.spec.predictor.xgboost,
      storageURI: 'gs://x',
    };
    typo.spec.explainer.art.protocolVersion = 'v2';
    expect(unknownFields(typo, schema)).toEqual([
      '.spec.predictor.xgboost.storageURI',
      '.spec.explainer.art.protocolVersion',
    ]);
    const wrongType = structuredClone(fixtures.inferenceService) as any;
    wrongType.spec.predictor.storage = { key: 'k' };
    wrongType.spec.predictor.minReplicas = 'one';
    expect(schemaErrors(schema, wrongType).join()).toMatch(/minReplicas/);
    expect(unknownFields(wrongType, schema)).toEqual([
      '.spec.predictor.storage',
    ]);
  });
});
