import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { ClusterSession, KubeflowActionEnv } from '../services/ClusterSession';
import { clusterInput, timeoutInput, waitInput } from './common';
import { entityLink, objectOutputs } from './entityLinks';
import { checkName, checkQuantity, printable } from './inputs';
import { profileExamples, contributorExamples } from './profile.examples';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function checkEmail(value: string, field: string): string {
  if (!EMAIL.test(value) || value.length > 254) {
    throw new InputError(
      `${field} '${printable(value)}' is not an e-mail address`,
    );
  }
  return value;
}

/**
 * `kubeflow:profile:create` — a Kubeflow Profile (its namespace follows) owned by the user, or by
 * the given owner. Creating profiles takes cluster rights the user must hold themselves.
 *
 * @public
 */
export function createProfileCreateAction(env: KubeflowActionEnv) {
  return createTemplateAction({
    id: 'kubeflow:profile:create',
    description:
      'Creates (or updates) a Kubeflow profile and so its namespace, as the user running the template (who needs the cluster right to create profiles).',
    examples: profileExamples,
    supportsDryRun: true,
    schema: {
      input: {
        cluster: clusterInput,
        name: z => z.string().describe('Profile and namespace name (RFC 1123)'),
        owner: z =>
          z.string().optional().describe('Owner e-mail (default: you)'),
        description: z =>
          z.string().optional().describe('What the profile is for'),
        cpu: z =>
          z.string().optional().describe('CPU quota of the namespace, e.g. 16'),
        memory: z => z.string().optional().describe('Memory quota, e.g. 64Gi'),
        gpus: z =>
          z.number().int().min(0).max(1024).optional().describe('GPU quota'),
        waitForNamespace: waitInput('namespace exists'),
        timeoutSeconds: timeoutInput,
      },
      output: objectOutputs,
    },
    async handler(ctx) {
      const { input } = ctx;
      const name = checkName(input.name, 'name');
      const hard: Record<string, string> = {};
      if (input.cpu) hard.cpu = checkQuantity(input.cpu, 'cpu');
      if (input.memory) hard.memory = checkQuantity(input.memory, 'memory');
      if (input.gpus !== undefined)
        hard['requests.nvidia.com/gpu'] = String(input.gpus);
      const session = await ClusterSession.open(env, ctx, input.cluster);
      const owner = checkEmail(input.owner ?? session.identity.user, 'owner');
      const manifest = {
        apiVersion: 'kubeflow.org/v1',
        kind: 'Profile',
        metadata: {
          name,
          ...(input.description
            ? { annotations: { description: input.description } }
            : {}),
        },
        spec: {
          owner: { kind: 'User', name: owner },
          ...(Object.keys(hard).length ? { resourceQuotaSpec: { hard } } : {}),
        },
      };
      ctx.logger.info(
        `Creating profile ${name} owned by ${owner} as ${session.identity.user}`,
      );
      await session.apply([manifest]);
      if (input.waitForNamespace && !session.dryRun) {
        await session.waitFor(
          { apiVersion: 'v1', kind: 'Namespace', metadata: { name } },
          'to exist',
          input.timeoutSeconds ?? 300,
          ns => ({
            done: ns.status?.phase === 'Active',
            state: ns.status?.phase ?? 'creating',
          }),
          // The new owner may not read Namespace objects; existence is all that is read.
          { asPortal: true },
        );
      }
      const link = entityLink(session.cluster, 'group', name);
      ctx.output('name', name);
      ctx.output('entityRef', link.entityRef);
      ctx.output('url', link.url);
    },
  });
}

/** The RoleBinding name KFAM gives a contributor: `user-<email>-clusterrole-<role>`. */
export function contributorBindingName(user: string, role: string): string {
  return `user-${user}-clusterrole-${role}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
}

/**
 * `kubeflow:profile:contributor:add` — shares a profile with a contributor the way the Central
 * Dashboard's "Manage contributors" does (a KFAM-style RoleBinding to kubeflow-edit / -view).
 *
 * @public
 */
export function createProfileContributorAddAction(env: KubeflowActionEnv) {
  return createTemplateAction({
    id: 'kubeflow:profile:contributor:add',
    description:
      'Adds a contributor to a Kubeflow profile (edit or view), as the user running the template (who must be able to manage the profile).',
    examples: contributorExamples,
    supportsDryRun: true,
    schema: {
      input: {
        cluster: clusterInput,
        namespace: z => z.string().describe('The profile (namespace) to share'),
        user: z => z.string().describe('E-mail of the contributor'),
        role: z =>
          z
            .enum(['edit', 'view'])
            .describe('edit (create and change) or view (read only)'),
      },
      output: objectOutputs,
    },
    async handler(ctx) {
      const { input } = ctx;
      const namespace = checkName(input.namespace, 'namespace');
      const user = checkEmail(input.user, 'user');
      const session = await ClusterSession.open(env, ctx, input.cluster);
      const name = contributorBindingName(user, input.role);
      const manifest = {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: {
          name,
          namespace,
          annotations: { user, role: input.role },
        },
        roleRef: {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: 'ClusterRole',
          name: `kubeflow-${input.role}`,
        },
        subjects: [
          { apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: user },
        ],
      };
      ctx.logger.info(
        `Adding ${user} to ${namespace} as ${input.role} (as ${session.identity.user})`,
      );
      await session.apply([manifest]);
      const link = entityLink(session.cluster, 'group', namespace);
      ctx.output('name', name);
      ctx.output('namespace', namespace);
      ctx.output('entityRef', link.entityRef);
      ctx.output('url', link.url);
    },
  });
}
