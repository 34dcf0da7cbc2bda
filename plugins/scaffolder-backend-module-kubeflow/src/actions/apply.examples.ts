import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'js-yaml';

/** Examples of `kubeflow:apply`; the tests run each against the sandbox. */
export const examples: TemplateExample[] = [
  {
    description:
      'Apply the Kubeflow manifests a skeleton laid out in the workspace (here a Notebook and a TrainJob in kubeflow/)',
    example: yaml.dump({
      steps: [
        {
          id: 'apply',
          action: 'kubeflow:apply',
          name: 'Create the project resources',
          input: {
            namespace: 'team-vision',
            paths: ['kubeflow/resources.yaml'],
          },
        },
      ],
    }),
  },
];

/** The workspace file the example applies. */
export const exampleWorkspace = {
  'kubeflow/resources.yaml': `apiVersion: kubeflow.org/v1
kind: Notebook
metadata:
  name: applied-notebook
  labels: { app: applied-notebook }
spec:
  template:
    spec:
      containers:
        - name: applied-notebook
          image: ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-scipy:latest
---
apiVersion: trainer.kubeflow.org/v1alpha1
kind: TrainJob
metadata:
  name: applied-trainjob
spec:
  runtimeRef: { name: torch-distributed }
  trainer:
    image: docker.io/kubeflow/pytorch-mnist:latest
    numNodes: 1
`,
};
