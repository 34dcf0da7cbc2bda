import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'js-yaml';

/** Examples of `kubeflow:pipeline:run`; the tests run each against the sandbox. */
export const examples: TemplateExample[] = [
  {
    description: 'A single run of the latest version with parameters',
    example: yaml.dump({
      steps: [
        {
          id: 'run',
          action: 'kubeflow:pipeline:run',
          name: 'Run the pipeline',
          input: {
            namespace: 'team-vision',
            pipeline: 'churn-training',
            experiment: 'churn',
            runName: 'first-run',
            parameters: { a: 1, b: 2 },
          },
        },
      ],
    }),
  },
  {
    description: 'A nightly recurring run',
    example: yaml.dump({
      steps: [
        {
          id: 'schedule',
          action: 'kubeflow:pipeline:run',
          name: 'Schedule the pipeline',
          input: {
            namespace: 'team-vision',
            pipeline: 'churn-training',
            experiment: 'churn',
            runName: 'nightly',
            parameters: { a: 5, b: 7 },
            schedule: '0 3 * * *',
          },
        },
      ],
    }),
  },
];
