import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'js-yaml';

/** Examples of `kubeflow:trainjob:create`; the tests run each against the sandbox. */
export const examples: TemplateExample[] = [
  {
    description:
      'Distributed PyTorch training on two GPU nodes of the torch-distributed runtime',
    example: yaml.dump({
      steps: [
        {
          id: 'train',
          action: 'kubeflow:trainjob:create',
          name: 'Start the training job',
          input: {
            namespace: 'team-vision',
            name: 'resnet-finetune',
            runtime: 'torch-distributed',
            image: 'docker.io/kubeflow/pytorch-mnist:v1.0',
            command: ['torchrun', 'train.py'],
            args: ['--epochs=10', '--batch-size=64'],
            numNodes: 2,
            cpu: '4',
            memory: '16Gi',
            gpus: 1,
          },
        },
      ],
    }),
  },
];
