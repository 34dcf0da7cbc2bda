import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_KUBEFLOW_CLUSTER,
  ANNOTATION_KUBEFLOW_KIND,
  ANNOTATION_KUBEFLOW_NAME,
  KUBEFLOW_ENTITY_TYPES,
  Profile,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import { TransformContext, dashboardLink } from './context';

/** A contributor as Kubeflow records it: a RoleBinding annotated with `user` and `role`. */
export interface Contributor {
  user: string;
  role: string;
}

/** The contributors of a namespace from its RoleBindings (the ones the dashboard shows). */
export function contributorsOf(
  rolebindings: any[],
  namespace: string,
): Contributor[] {
  return rolebindings
    .filter(rb => rb.metadata?.namespace === namespace)
    .map(rb => ({
      user: rb.metadata?.annotations?.user,
      role: rb.metadata?.annotations?.role,
    }))
    .filter((c): c is Contributor => !!c.user && !!c.role)
    .sort((a, b) => a.user.localeCompare(b.user));
}

/**
 * A Profile as a Group of type `kubeflow-profile`: members are its owner and contributors (those
 * the catalog knows as users), and it owns every entity of its namespace.
 */
export function profileToEntity(
  profile: Profile,
  contributors: Contributor[],
  context: TransformContext,
): Entity {
  const name = profile.metadata.name;
  const owner = profile.spec?.owner?.name;
  const people = [
    ...(owner ? [{ user: owner, role: 'owner' }] : []),
    ...contributors.filter(c => c.user !== owner),
  ];
  const members = [
    ...new Set(
      people.map(p => context.userRefOf(p.user)).filter(Boolean) as string[],
    ),
  ];
  const others = people.length - (owner ? 1 : 0);
  const quota = profile.spec?.resourceQuotaSpec?.hard;
  const quotaText = quota
    ? ` Quota: ${Object.entries(quota)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}.`
    : '';
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name,
      namespace: context.cluster,
      title: name,
      description: `Kubeflow profile on ${context.cluster}, owned by ${
        owner ?? 'nobody'
      }; ${others} contributor${others === 1 ? '' : 's'}.${quotaText}`,
      tags: ['kubeflow', 'kubeflow-profile'],
      links: dashboardLink(context, `/?ns=${name}`, 'Kubeflow dashboard'),
      annotations: {
        [ANNOTATION_KUBEFLOW_CLUSTER]: context.cluster,
        [ANNOTATION_KUBEFLOW_NAME]: name,
        [ANNOTATION_KUBEFLOW_KIND]: 'Profile',
        'kubeflow.org/owner': owner ?? '',
        'kubeflow.org/contributors': people
          .map(p => `${p.user}=${p.role}`)
          .join(','),
        'backstage.io/kubernetes-namespace': name,
      },
    },
    spec: {
      type: KUBEFLOW_ENTITY_TYPES.profile,
      profile: { displayName: name, ...(owner ? { email: owner } : {}) },
      children: [],
      members,
    },
  };
}
