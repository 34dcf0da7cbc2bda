import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'js-yaml';

/** Examples of `kubeflow:project:publish`; the tests run each. */
export const examples: TemplateExample[] = [
  {
    description:
      'Publish the laid-out project to the local projects directory and have the catalog read it',
    example: yaml.dump({
      steps: [
        {
          id: 'publish',
          action: 'kubeflow:project:publish',
          name: 'Publish the project',
          input: { name: 'churn-model' },
        },
      ],
    }),
  },
];
