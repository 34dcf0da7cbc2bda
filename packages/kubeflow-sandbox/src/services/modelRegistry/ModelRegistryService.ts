import type {
  ProxiedRequest,
  ProxiedResponse,
  ProxiedService,
} from '../../store/types';
import { parseRegistryList, registryPage, RegistryError } from './listing';
import {
  ModelRegistryRepository,
  type RegistryKind,
  type RegistrySnapshot,
} from './ModelRegistryRepository';

const BASE = '/api/model_registry/v1alpha3';
const PLURALS: Record<string, RegistryKind> = {
  registered_models: 'registered_models',
  model_versions: 'model_versions',
  model_artifacts: 'model_artifacts',
  serving_environments: 'serving_environments',
  inference_services: 'inference_services',
};
const SINGULARS: Record<string, RegistryKind> = {
  registered_model: 'registered_models',
  model_version: 'model_versions',
  model_artifact: 'model_artifacts',
  serving_environment: 'serving_environments',
  inference_service: 'inference_services',
};

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  422: 'Unprocessable Entity',
  500: 'Internal Server Error',
};

/**
 * Model Registry REST v1alpha3 (`model-registry-service:8080`): registered models, versions,
 * model artifacts, serving environments and inference services with create / get / patch /
 * list / find, keyset paging (`pageSize`, `nextPageToken`, `orderBy`, `sortOrder`).
 */
export class ModelRegistryService implements ProxiedService {
  readonly namespace = 'kubeflow';
  readonly name = 'model-registry-service';
  readonly port = 8080;
  readonly repository = new ModelRegistryRepository();

  static create(): ModelRegistryService {
    return new ModelRegistryService();
  }

  handle(request: ProxiedRequest): ProxiedResponse {
    try {
      return this.route(request);
    } catch (error) {
      const status = error instanceof RegistryError ? error.status : 500;
      return {
        status,
        body: {
          code: STATUS_TEXT[status] ?? String(status),
          message: (error as Error)?.message ?? String(error),
        },
        headers: { 'content-type': 'application/json' },
      };
    }
  }

  snapshot(): unknown {
    return this.repository.snapshot();
  }

  restore(state: unknown): void {
    this.repository.restore(state as RegistrySnapshot | undefined);
  }

  private route(req: ProxiedRequest): ProxiedResponse {
    const path = req.path.replace(/\/+$/, '');
    if (!path.startsWith(`${BASE}/`))
      throw new RegistryError(404, `no route for ${req.path}`);
    const parts = path
      .slice(BASE.length + 1)
      .split('/')
      .map(decodeURIComponent);
    const method = req.method.toUpperCase();
    const repo = this.repository;
    const q = req.query;

    if (parts.length === 1 && SINGULARS[parts[0]]) {
      if (method !== 'GET')
        throw new RegistryError(405, `method ${method} not allowed`);
      return ok(
        repo.find(SINGULARS[parts[0]], {
          name: q.get('name') ?? undefined,
          externalId: q.get('externalId') ?? undefined,
          parentResourceId: q.get('parentResourceId') ?? undefined,
        }),
      );
    }
    const kind = PLURALS[parts[0]];
    if (!kind) throw new RegistryError(404, `no route for ${req.path}`);
    if (parts.length === 1) {
      if (method === 'GET')
        return ok(registryPage(repo.all(kind), parseRegistryList(q)));
      if (method === 'POST') return created(repo.create(kind, body(req)));
      throw new RegistryError(405, `method ${method} not allowed`);
    }
    const id = parts[1];
    if (parts.length === 2) {
      if (method === 'GET') return ok(repo.get(kind, id));
      if (method === 'PATCH') return ok(repo.update(kind, id, body(req)));
      throw new RegistryError(405, `method ${method} not allowed`);
    }
    const sub = parts[2];
    if (
      parts.length === 3 &&
      kind === 'registered_models' &&
      sub === 'versions'
    ) {
      repo.get(kind, id);
      if (method === 'GET') {
        return ok(
          registryPage(
            repo.all('model_versions').filter(v => v.registeredModelId === id),
            parseRegistryList(q),
          ),
        );
      }
      if (method === 'POST')
        return created(
          repo.create('model_versions', {
            ...body(req),
            registeredModelId: id,
          }),
        );
    }
    if (
      parts.length === 3 &&
      kind === 'model_versions' &&
      sub === 'artifacts'
    ) {
      repo.get(kind, id);
      if (method === 'GET')
        return ok(registryPage(repo.artifactsOf(id), parseRegistryList(q)));
      if (method === 'POST') {
        const input = body(req);
        if (input.id) return ok(repo.link(id, String(input.id)));
        const { artifactType, ...rest } = input;
        if (artifactType && artifactType !== 'model-artifact') {
          throw new RegistryError(
            400,
            `the sandbox stores only model-artifact artifacts, got ${artifactType}`,
          );
        }
        return created(
          repo.create(
            'model_artifacts',
            { ...rest, artifactType: 'model-artifact' },
            { parentVersionId: id },
          ),
        );
      }
    }
    if (
      parts.length === 3 &&
      kind === 'serving_environments' &&
      sub === 'inference_services'
    ) {
      repo.get(kind, id);
      if (method === 'GET') {
        return ok(
          registryPage(
            repo
              .all('inference_services')
              .filter(s => s.servingEnvironmentId === id),
            parseRegistryList(q),
          ),
        );
      }
      if (method === 'POST')
        return created(
          repo.create('inference_services', {
            ...body(req),
            servingEnvironmentId: id,
          }),
        );
    }
    if (
      parts.length === 3 &&
      kind === 'inference_services' &&
      method === 'GET'
    ) {
      const isvc = repo.get(kind, id);
      if (sub === 'model')
        return ok(repo.get('registered_models', isvc.registeredModelId));
      if (sub === 'version') {
        if (!isvc.modelVersionId)
          throw new RegistryError(
            404,
            `InferenceService ${id} has no model version`,
          );
        return ok(repo.get('model_versions', isvc.modelVersionId));
      }
    }
    throw new RegistryError(404, `no route for ${method} ${req.path}`);
  }
}

function ok(payload: unknown): ProxiedResponse {
  return {
    status: 200,
    body: payload,
    headers: { 'content-type': 'application/json' },
  };
}

function created(payload: unknown): ProxiedResponse {
  return {
    status: 201,
    body: payload,
    headers: { 'content-type': 'application/json' },
  };
}

function body(req: ProxiedRequest): Record<string, any> {
  if (req.body && typeof req.body === 'object' && !Buffer.isBuffer(req.body))
    return req.body as Record<string, any>;
  if (req.rawBody?.length) {
    try {
      return JSON.parse(req.rawBody.toString('utf8'));
    } catch {
      throw new RegistryError(400, 'the request body is not valid JSON');
    }
  }
  throw new RegistryError(400, 'a JSON body is required');
}
