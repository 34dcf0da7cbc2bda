import type { ObjectStore, ProxiedService } from '../store/types';
import { KfpService } from './kfp/KfpService';
import { ModelRegistryService } from './modelRegistry/ModelRegistryService';

/** Options of {@link createServices}. */
export interface CreateServicesOptions {
  /** The cluster store: lets KFP authorise impersonated users by namespace RoleBindings. */
  store?: ObjectStore;
}

/**
 * The sandbox's REST services reached through the service proxy: KFP (`kubeflow/ml-pipeline:8888`)
 * and Model Registry (`kubeflow/model-registry-service:8080`).
 */
export function createServices(
  options: CreateServicesOptions = {},
): ProxiedService[] {
  return [
    KfpService.create({ store: options.store }),
    ModelRegistryService.create(),
  ];
}

export { KfpService } from './kfp/KfpService';
export { ModelRegistryService } from './modelRegistry/ModelRegistryService';
