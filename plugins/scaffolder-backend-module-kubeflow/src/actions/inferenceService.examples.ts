import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'js-yaml';

/** Examples of `kubeflow:inferenceservice:deploy`; the tests run each against the sandbox. */
export const examples: TemplateExample[] = [
  {
    description:
      'Serve a registered model version picked in the catalog, waiting until the endpoint is Ready',
    example: yaml.dump({
      steps: [
        {
          id: 'deploy',
          action: 'kubeflow:inferenceservice:deploy',
          name: 'Deploy the model version',
          input: {
            namespace: 'team-vision',
            name: 'resnet50-v2',
            model: 'resnet50-vision',
            version: '2.0.0',
            minReplicas: 1,
            waitForReady: true,
            timeoutSeconds: 120,
          },
        },
      ],
    }),
  },
];
