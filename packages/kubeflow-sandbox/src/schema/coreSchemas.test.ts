import { resolveSpecsDir } from '../sandbox';
import { StatusError } from '../store/StatusError';
import type { KubeObject } from '../store/types';
import { SchemaValidator } from './SchemaValidator';
import { TypeRegistry } from './TypeRegistry';

const registry = TypeRegistry.load(resolveSpecsDir());
const validator = new SchemaValidator(registry);

function admit(key: string, object: Record<string, unknown>) {
  return validator.admit(
    registry.get(key)!,
    'v1',
    object as KubeObject,
    'Strict',
  );
}

function rejection(key: string, object: Record<string, unknown>) {
  try {
    admit(key, object);
  } catch (error) {
    return error as StatusError;
  }
  throw new Error('accepted');
}

const deployment = (spec: Record<string, unknown>) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: {
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: {
        containers: [
          {
            name: 'web',
            image: 'nginx',
            ports: [{ name: 'http', containerPort: 80 }],
            readinessProbe: { httpGet: { path: '/', port: 'http' } },
            resources: { requests: { cpu: 0.5, memory: '64Mi' } },
            securityContext: { readOnlyRootFilesystem: true },
          },
        ],
        volumes: [{ name: 'tmp', emptyDir: { sizeLimit: '1Gi' } }],
      },
    },
    ...spec,
  },
});

describe('built-in kinds validated like the apiserver does', () => {
  it('accepts well-formed Deployments, Services, ConfigMaps and RBAC', () => {
    expect(() =>
      admit('deployments.apps', deployment({ replicas: 2 })),
    ).not.toThrow();
    expect(() =>
      admit('services', {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'web' },
        spec: { ports: [{ port: 80, targetPort: 'http' }] },
      }),
    ).not.toThrow();
    expect(() =>
      admit('configmaps', {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'c' },
        data: { 'app-config.yaml': 'a: 1' },
      }),
    ).not.toThrow();
    expect(() =>
      admit('clusterroles.rbac.authorization.k8s.io', {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        metadata: { name: 'r' },
        rules: [
          {
            apiGroups: [''],
            resources: ['services/proxy'],
            resourceNames: ['ml-pipeline:8888'],
            verbs: ['get'],
          },
        ],
      }),
    ).not.toThrow();
  });

  it('rejects unknown fields (Strict), deep in the pod template too', () => {
    const error = rejection(
      'deployments.apps',
      deployment({ replicaCount: 1 }),
    );
    expect(error.status.code).toBe(400);
    expect(error.status.message).toContain('unknown field "spec.replicaCount"');
    const typo = deployment({});
    (typo.spec.template.spec.containers[0] as any).readinesProbe = {};
    expect(rejection('deployments.apps', typo).status.message).toContain(
      'unknown field "spec.template.spec.containers[0].readinesProbe"',
    );
  });

  it('rejects wrong types, missing required fields and a selector that misses its template', () => {
    expect(
      rejection('services', {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'web' },
        spec: { ports: [{ port: 'eighty' }] },
      }).status.details?.causes,
    ).toEqual([
      expect.objectContaining({
        field: 'spec.ports[0].port',
        reason: 'FieldValueTypeInvalid',
      }),
    ]);
    expect(
      rejection('clusterrolebindings.rbac.authorization.k8s.io', {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRoleBinding',
        metadata: { name: 'b' },
        roleRef: { kind: 'ClusterRole', name: 'r' },
      }).status.details?.causes,
    ).toEqual([
      expect.objectContaining({
        field: 'roleRef.apiGroup',
        reason: 'FieldValueRequired',
      }),
    ]);
    const mismatch = deployment({ selector: { matchLabels: { app: 'api' } } });
    expect(rejection('deployments.apps', mismatch).status).toMatchObject({
      code: 422,
      message: expect.stringContaining(
        '`selector` does not match template `labels`',
      ),
    });
  });
});
