import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'js-yaml';

/** Examples of `kubeflow:katib:experiment:create`; the tests run each against the sandbox. */
export const examples: TemplateExample[] = [
  {
    description:
      'Tune learning rate, batch size and optimizer of a training script for accuracy',
    example: yaml.dump({
      steps: [
        {
          id: 'tune',
          action: 'kubeflow:katib:experiment:create',
          name: 'Start hyperparameter tuning',
          input: {
            namespace: 'team-vision',
            name: 'lr-sweep',
            objectiveType: 'maximize',
            objectiveMetric: 'accuracy',
            goal: 0.95,
            additionalMetrics: ['loss'],
            algorithm: 'random',
            parameters: [
              { name: 'lr', type: 'double', min: '0.001', max: '0.1' },
              { name: 'batch_size', type: 'int', min: 16, max: 128, step: 16 },
              {
                name: 'optimizer',
                type: 'categorical',
                values: ['sgd', 'adam'],
              },
            ],
            maxTrialCount: 6,
            parallelTrialCount: 2,
            image: 'docker.io/kubeflowkatib/pytorch-mnist-cpu:v0.17.0',
            command: ['python3', '/opt/pytorch-mnist/mnist.py', '--epochs=1'],
          },
        },
      ],
    }),
  },
];
