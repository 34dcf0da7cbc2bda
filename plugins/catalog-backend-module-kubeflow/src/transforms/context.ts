import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_KUBEFLOW_CLUSTER,
  ANNOTATION_KUBEFLOW_KIND,
  ANNOTATION_KUBEFLOW_NAME,
  ANNOTATION_KUBEFLOW_NAMESPACE,
  ANNOTATION_KUBEFLOW_SOURCE_COMPONENT,
  kubeflowEntityName,
} from '@kubeflow-backstage/plugin-kubeflow-common';

/** What every transform needs to know besides the object itself. */
export interface TransformContext {
  /** Configured cluster name; also the catalog namespace of its entities. */
  cluster: string;
  /** The cluster's Kubeflow Central Dashboard, for links. */
  dashboardUrl?: string;
  /** Namespaces that are Kubeflow profiles (they own what is in them). */
  profiles: Set<string>;
  /** Owner of objects outside any profile. */
  defaultOwner: string;
  /** The User entity ref of a Kubeflow identity (e-mail), when the catalog knows one. */
  userRefOf(email: string | undefined): string | undefined;
}

/** The owner of an object in a namespace: the profile's group, else the default owner. */
export function ownerOf(context: TransformContext, namespace?: string): string {
  return namespace && context.profiles.has(namespace)
    ? `group:${context.cluster}/${namespace}`
    : context.defaultOwner;
}

/** Entity ref of a cluster object's entity. */
export function entityRef(
  kind: string,
  context: TransformContext,
  ...parts: string[]
): string {
  return `${kind.toLowerCase()}:${context.cluster}/${kubeflowEntityName(
    ...parts,
  )}`;
}

/** The metadata every entity of a namespaced Kubernetes object shares. */
export function kubernetesMetadata(
  context: TransformContext,
  object: { kind: string; metadata: any },
  options: {
    labelSelector: string;
    title?: string;
    description: string;
    tags: string[];
  },
): Entity['metadata'] {
  const { namespace, name, labels = {}, annotations = {} } = object.metadata;
  return {
    name: kubeflowEntityName(namespace, name),
    namespace: context.cluster,
    title: options.title ?? name,
    description: options.description,
    tags: [...new Set(['kubeflow', ...options.tags])],
    labels: pickLabels(labels),
    annotations: {
      [ANNOTATION_KUBEFLOW_CLUSTER]: context.cluster,
      [ANNOTATION_KUBEFLOW_NAMESPACE]: namespace,
      [ANNOTATION_KUBEFLOW_NAME]: name,
      [ANNOTATION_KUBEFLOW_KIND]: object.kind,
      'backstage.io/kubernetes-id': name,
      'backstage.io/kubernetes-namespace': namespace,
      'backstage.io/kubernetes-label-selector': options.labelSelector,
      ...(annotations[ANNOTATION_KUBEFLOW_SOURCE_COMPONENT]
        ? {
            [ANNOTATION_KUBEFLOW_SOURCE_COMPONENT]:
              annotations[ANNOTATION_KUBEFLOW_SOURCE_COMPONENT],
          }
        : {}),
    },
  };
}

/** Catalog-safe copies of the object's own labels (values the catalog accepts). */
function pickLabels(labels: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(labels)) {
    if (
      /^[a-zA-Z0-9.-]+\/[a-zA-Z0-9._-]{1,63}$|^[a-zA-Z0-9._-]{1,63}$/.test(
        key,
      ) &&
      /^[a-zA-Z0-9._-]{0,63}$/.test(value) &&
      value
    ) {
      out[key] = value;
    }
  }
  return out;
}

/** Links to Kubeflow's own UI for a path, when the dashboard is configured. */
export function dashboardLink(
  context: TransformContext,
  path: string,
  title: string,
  icon = 'dashboard',
): Array<{ url: string; title: string; icon: string }> {
  if (!context.dashboardUrl) return [];
  return [
    { url: `${context.dashboardUrl.replace(/\/$/, '')}${path}`, title, icon },
  ];
}

/** `dependencyOf` the component that declared the object, when a template recorded it. */
export function sourceComponent(object: { metadata: any }): string[] {
  const ref =
    object.metadata.annotations?.[ANNOTATION_KUBEFLOW_SOURCE_COMPONENT];
  return ref ? [ref] : [];
}
