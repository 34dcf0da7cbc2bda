import { mockServices } from '@backstage/backend-test-utils';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { Sandbox, startSandbox } from '@kubeflow-backstage/kubeflow-sandbox';
import { SchemaValidator } from '@kubeflow-backstage/kubeflow-sandbox/src/schema/SchemaValidator';
import { TypeRegistry } from '@kubeflow-backstage/kubeflow-sandbox/src/schema/TypeRegistry';
import { resolveSpecsDir } from '@kubeflow-backstage/kubeflow-sandbox';
import {
  ClusterClient,
  ClusterRequest,
  KubeflowClusters,
  UserIdentities,
} from '@kubeflow-backstage/plugin-kubeflow-node';
import Ajv, { ValidateFunction } from 'ajv';
import fs from 'fs';
import yaml from 'js-yaml';
import os from 'os';
import path from 'path';
import { createKubeflowActions } from '../actions';
import { readKubeflowScaffolderConfig } from '../actions/config';
import { ConfigReader } from '@backstage/config';

export const USERS = ['alice', 'bob', 'dave', 'erin', 'ops', 'nomail'].map(
  name => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name, namespace: 'default' },
    spec: {
      profile: name === 'nomail' ? {} : { email: `${name}@example.com` },
    },
  }),
);

/** One request an action sent to the cluster (or to KFP / the Model Registry through it). */
export interface SentRequest {
  method: string;
  path: string;
  query?: Record<string, unknown>;
  contentType?: string;
  body: any;
  as?: string;
}

/** A sandbox, the actions wired to it, and a recorder of every write they send. */
export class ActionHarness {
  sent: SentRequest[] = [];
  actions!: TemplateAction<any, any, any>[];
  clusters!: KubeflowClusters;
  projectsDirectory!: string;
  catalog!: CatalogService;

  private constructor(readonly sandbox: Sandbox) {}

  static async start(
    entities: (sandbox: Sandbox) => Promise<any[]> = async () => [],
  ): Promise<ActionHarness> {
    const sandbox = await startSandbox({
      port: 0,
      seed: 'demo',
      timeScale: 0.01,
      logger: { warn: () => {} },
    });
    const harness = new ActionHarness(sandbox);
    harness.projectsDirectory = fs.mkdtempSync(
      path.join(os.tmpdir(), 'kf-projects-'),
    );
    const config = new ConfigReader({
      kubeflow: {
        clusters: [{ name: 'sandbox', url: sandbox.url, authProvider: 'none' }],
        scaffolder: {
          localProjects: { directory: harness.projectsDirectory },
        },
      },
      // The location that reads published projects, as in app-config.yaml.
      catalog: {
        locations: [
          {
            type: 'file',
            target: `${harness.projectsDirectory}/*/catalog-info.yaml`,
          },
        ],
      },
    });
    harness.clusters = KubeflowClusters.fromConfig(config);
    const catalog = catalogServiceMock({
      entities: [...USERS, ...(await entities(sandbox))],
    });
    harness.catalog = catalog;
    const auth = mockServices.auth();
    harness.actions = createKubeflowActions({
      clusters: harness.clusters,
      catalog,
      auth,
      identities: new UserIdentities({
        catalog,
        auth,
        tenancy: harness.clusters.tenancy,
      }),
      config: readKubeflowScaffolderConfig(config),
    }) as any;
    const original = ClusterClient.prototype.request;
    jest
      .spyOn(ClusterClient.prototype, 'request')
      .mockImplementation(async function record(
        this: ClusterClient,
        req: ClusterRequest,
      ) {
        if (
          req.method &&
          req.method !== 'GET' &&
          !req.path.includes('subjectaccessreviews')
        ) {
          harness.sent.push({
            method: req.method,
            path: req.path,
            query: req.query,
            contentType: req.contentType,
            body:
              typeof req.body === 'string' && req.body.startsWith('{')
                ? JSON.parse(req.body)
                : req.body,
            as: req.as?.user,
          });
        }
        return original.call(this, req);
      });
    return harness;
  }

  action(id: string): TemplateAction<any, any, any> {
    const action = this.actions.find(a => a.id === id);
    if (!action) throw new Error(`no action ${id}`);
    return action;
  }

  /** Runs an action as a user; resolves with its outputs and log lines. */
  async run(
    id: string,
    input: Record<string, unknown>,
    options: { user?: string; dryRun?: boolean; workspacePath?: string } = {},
  ): Promise<{ output: Record<string, any>; logs: string[] }> {
    const logs: string[] = [];
    const logger = mockServices.logger.mock();
    logger.info.mockImplementation((m: string) => void logs.push(m));
    const ctx = createMockActionContext({
      input: input as any,
      logger,
      user: { ref: `user:default/${options.user ?? 'alice'}` },
      ...(options.workspacePath
        ? { workspacePath: options.workspacePath }
        : {}),
    });
    const output: Record<string, any> = {};
    (ctx as any).output = (name: string, value: unknown) => {
      output[name] = value;
    };
    (ctx as any).isDryRun = options.dryRun ?? false;
    await this.action(id).handler(ctx as any);
    return { output, logs };
  }

  /** Reads a path on the sandbox as the cluster admin. */
  async get(p: string): Promise<any> {
    const res = await fetch(`${this.sandbox.url}${p}`);
    return res.status === 404 ? undefined : res.json();
  }

  /**
   * What the actions may have written, without what controllers change on their own (status,
   * resource versions, timestamps): the objects of the Kubeflow kinds and RBAC, and every KFP and
   * Model Registry record.
   */
  snapshot(): unknown {
    const objects: Record<string, unknown> = {};
    for (const key of [
      'notebooks.kubeflow.org',
      'inferenceservices.serving.kserve.io',
      'experiments.kubeflow.org',
      'trainjobs.trainer.kubeflow.org',
      'sparkapplications.sparkoperator.k8s.io',
      'profiles.kubeflow.org',
      'rolebindings.rbac.authorization.k8s.io',
      'namespaces',
    ]) {
      for (const o of this.sandbox.store.list(key)) {
        const { metadata, status: _status, ...rest } = o as any;
        // What controllers create on their own (scheduled Spark runs, …) is not the actions'.
        if (metadata.ownerReferences?.length) continue;
        objects[`${key}/${metadata.namespace ?? ''}/${metadata.name}`] = {
          uid: metadata.uid,
          generation: metadata.generation,
          labels: metadata.labels,
          annotations: Object.fromEntries(
            Object.entries(metadata.annotations ?? {}).filter(
              ([k]) => !/activity|timestamp/.test(k),
            ),
          ),
          ...rest,
        };
      }
    }
    const services = Object.fromEntries(
      Object.entries(this.sandbox.services).map(([key, service]) => [
        key,
        stripVolatile((service as any).snapshot?.()),
      ]),
    );
    return { objects, services };
  }

  async stop() {
    jest.restoreAllMocks();
    this.clusters.stop();
    await this.sandbox.stop();
  }
}

function stripVolatile(value: any): any {
  if (Array.isArray(value)) return value.map(stripVolatile);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(
        ([k]) =>
          !/time|state|status|progress|finished|scheduled|task|error|details/i.test(
            k,
          ),
      )
      .map(([k, v]) => [k, stripVolatile(v)]),
  );
}

/** A fresh workspace directory with the given files. */
export function workspaceWith(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-scaffolder-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const specs = resolveSpecsDir();
let registry: TypeRegistry | undefined;
let validator: SchemaValidator | undefined;

/**
 * Schema errors of a manifest against the official definition of its kind (resolveSpecsDir)
 * (CRD openAPIV3Schema; Katib's swagger), unknown fields included; [] when it validates.
 */
export function manifestErrors(manifest: any): string[] {
  registry ??= TypeRegistry.load(specs);
  validator ??= new SchemaValidator(registry);
  const [group, version] = manifest.apiVersion.includes('/')
    ? manifest.apiVersion.split('/')
    : ['', manifest.apiVersion];
  const type = registry.findKind(group, manifest.kind);
  if (!type) return [`${manifest.apiVersion} ${manifest.kind} is not served`];
  if (!type.custom) return [];
  const copy = JSON.parse(JSON.stringify(manifest));
  try {
    validator.admit(type, version, copy, 'Strict');
    return [];
  } catch (error: any) {
    return [
      `${error.message} ${JSON.stringify(error.status?.details?.causes ?? '')}`,
    ];
  }
}

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
const docs = new Map<string, any>();
const compiled = new Map<string, ValidateFunction>();

function document(file: string) {
  if (!docs.has(file)) {
    const text = fs.readFileSync(path.join(specs, file), 'utf8');
    docs.set(file, file.endsWith('.json') ? JSON.parse(text) : yaml.load(text));
  }
  return docs.get(file);
}

function resolveRef(schema: any, root: any): any {
  let s = schema;
  while (s?.$ref) {
    s = String(s.$ref)
      .replace(/^#\//, '')
      .split('/')
      .reduce((n: any, p: string) => n?.[p], root);
  }
  return s ?? {};
}

function unknown(value: any, schema: any, root: any, at: string): string[] {
  const s = resolveRef(schema, root);
  if (Array.isArray(value))
    return value.flatMap((v, i) =>
      unknown(v, s.items ?? {}, root, `${at}[${i}]`),
    );
  if (!value || typeof value !== 'object') return [];
  const composed = (x: any): any[] => [
    x,
    ...[...(x.allOf ?? []), ...(x.anyOf ?? []), ...(x.oneOf ?? [])].flatMap(
      (p: any) => composed(resolveRef(p, root)),
    ),
  ];
  const parts = composed(s);
  const props = Object.assign({}, ...parts.map((p: any) => p.properties ?? {}));
  if (!Object.keys(props).length) return [];
  return Object.entries(value).flatMap(([k, v]) =>
    props[k]
      ? unknown(v, props[k], root, `${at}.${k}`)
      : [`unknown field ${at}.${k}`],
  );
}

/** Errors of a REST body against a definition of a KFP swagger / Model Registry OpenAPI file. */
export function restBodyErrors(
  file: string,
  ref: string,
  body: unknown,
): string[] {
  const doc = document(file);
  const root = {
    ...(doc.definitions ? { definitions: doc.definitions } : {}),
    ...(doc.components ? { components: doc.components } : {}),
  };
  const id = `${file}#${ref}`;
  let validate = compiled.get(id);
  if (!validate) {
    validate = ajv.compile({ ...root, $ref: ref });
    compiled.set(id, validate);
  }
  const errors = validate(body)
    ? []
    : (validate.errors ?? []).map(e => `${e.instancePath} ${e.message}`);
  return [...errors, ...unknown(body, { $ref: ref }, root, '')];
}
