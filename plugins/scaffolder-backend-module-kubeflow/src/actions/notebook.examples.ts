import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'js-yaml';

/** Examples of `kubeflow:notebook:create`; the tests run each against the sandbox. */
export const examples: TemplateExample[] = [
  {
    description:
      'A JupyterLab server with the default image and size, waiting until it is ready',
    example: yaml.dump({
      steps: [
        {
          id: 'notebook',
          action: 'kubeflow:notebook:create',
          name: 'Create the notebook server',
          input: {
            namespace: 'team-vision',
            name: 'eda-notebook',
            cpu: '1',
            memory: '2Gi',
            waitForReady: true,
            timeoutSeconds: 120,
          },
        },
      ],
    }),
  },
  {
    description: 'A VS Code-like server with a GPU and environment variables',
    example: yaml.dump({
      steps: [
        {
          id: 'notebook',
          action: 'kubeflow:notebook:create',
          name: 'Create the notebook server',
          input: {
            namespace: 'team-vision',
            name: 'gpu-workbench',
            image:
              'ghcr.io/kubeflow/kubeflow/notebook-servers/codeserver-python:latest',
            serverType: 'group-one',
            gpus: 1,
            env: { MLFLOW_TRACKING: 'off' },
          },
        },
      ],
    }),
  },
];
