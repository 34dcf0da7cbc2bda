import { TransformContext } from './context';
import { trainingOperatorJobToEntity } from './workloads';

const context: TransformContext = {
  cluster: 'sandbox',
  profiles: new Set(['team-vision']),
  defaultOwner: 'group:default/ml-platform',
  userRefOf: () => undefined,
};

const job = (ownerReferences?: object[]) => ({
  apiVersion: 'kubeflow.org/v1',
  kind: 'TFJob',
  metadata: { name: 'mnist', namespace: 'team-vision', ownerReferences },
  spec: {
    tfReplicaSpecs: {
      Chief: {
        replicas: 1,
        template: {
          spec: {
            containers: [
              {
                name: 'tensorflow',
                image: 'tf-mnist:2',
                resources: { limits: { 'nvidia.com/gpu': 2 } },
              },
            ],
          },
        },
      },
      Worker: { replicas: 3 },
    },
  },
  status: {
    conditions: [
      {
        type: 'Running',
        status: 'True' as const,
        message: 'TFJob mnist is running.',
      },
    ],
  },
});

describe('Training Operator jobs in the catalog', () => {
  it('become a training-job Resource owned by the profile, with roles, images and GPUs', () => {
    const [entity] = trainingOperatorJobToEntity(job(), context);
    expect(entity).toMatchObject({
      kind: 'Resource',
      metadata: {
        name: 'team-vision.mnist',
        namespace: 'sandbox',
        annotations: {
          'kubeflow.org/kind': 'TFJob',
          'backstage.io/kubernetes-label-selector':
            'training.kubeflow.org/job-name=mnist',
        },
      },
      spec: {
        type: 'kubeflow-training-job',
        owner: 'group:sandbox/team-vision',
      },
    });
    expect(entity.metadata.description).toBe(
      'TensorFlow training job (TFJob) with 1 Chief (tf-mnist:2), 2 GPU each, 3 Worker. State: TFJob mnist is running.',
    );
    expect(entity.metadata.tags).toEqual([
      'kubeflow',
      'training',
      'tensorflow',
      'gpu',
    ]);
  });

  it('leave out the jobs a Katib experiment runs as trials (its page shows them)', () => {
    expect(
      trainingOperatorJobToEntity(
        job([
          {
            kind: 'Trial',
            name: 'mnist-abc',
            apiVersion: 'kubeflow.org/v1beta1',
          },
        ]),
        context,
      ),
    ).toEqual([]);
  });
});
