import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'js-yaml';

/** Examples of `kubeflow:profile:create`; the tests run each against the sandbox. */
export const profileExamples: TemplateExample[] = [
  {
    description:
      'A profile for a new team with a quota, waiting for its namespace',
    example: yaml.dump({
      steps: [
        {
          id: 'profile',
          action: 'kubeflow:profile:create',
          name: 'Create the profile',
          input: {
            name: 'team-recsys',
            owner: 'ops@example.com',
            description: 'Recommendation models',
            cpu: '16',
            memory: '64Gi',
            gpus: 2,
            waitForNamespace: true,
            timeoutSeconds: 60,
          },
        },
      ],
    }),
  },
];

/** Examples of `kubeflow:profile:contributor:add`. */
export const contributorExamples: TemplateExample[] = [
  {
    description: 'Give a colleague edit rights in your profile',
    example: yaml.dump({
      steps: [
        {
          id: 'share',
          action: 'kubeflow:profile:contributor:add',
          name: 'Add a contributor',
          input: {
            namespace: 'team-vision',
            user: 'bob@example.com',
            role: 'edit',
          },
        },
      ],
    }),
  },
];
