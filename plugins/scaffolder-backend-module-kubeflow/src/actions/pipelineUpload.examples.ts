import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'js-yaml';

/** Examples of `kubeflow:pipeline:upload`; the tests run each against the sandbox. */
export const examples: TemplateExample[] = [
  {
    description:
      'Upload the compiled pipeline a skeleton laid out (a new pipeline, or a new version when its contents changed)',
    example: yaml.dump({
      steps: [
        {
          id: 'upload',
          action: 'kubeflow:pipeline:upload',
          name: 'Upload the pipeline',
          input: {
            namespace: 'team-vision',
            name: 'churn-training',
            description: 'Trains the churn model',
            path: 'pipelines/pipeline.yaml',
          },
        },
      ],
    }),
  },
];
