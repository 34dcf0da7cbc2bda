import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'js-yaml';

/** Examples of `kubeflow:spark:submit`; the tests run each against the sandbox. */
export const examples: TemplateExample[] = [
  {
    description: 'A PySpark feature-engineering job with three executors',
    example: yaml.dump({
      steps: [
        {
          id: 'spark',
          action: 'kubeflow:spark:submit',
          name: 'Submit the Spark job',
          input: {
            namespace: 'team-vision',
            name: 'feature-build',
            type: 'Python',
            mainApplicationFile:
              'local:///opt/spark/examples/src/main/python/pi.py',
            arguments: ['1000'],
            executorInstances: 3,
            executorMemory: '2g',
          },
        },
      ],
    }),
  },
];
