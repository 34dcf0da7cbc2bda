/*
 * The portal's backend: Backstage core plugins plus the Kubeflow plugin set.
 * Every plugin's configuration lives in app-config*.yaml at the repository root.
 */
import { createBackend } from '@backstage/backend-defaults';
import { searchModuleKubeflowCollator } from '@kubeflow-backstage/plugin-catalog-backend-module-kubeflow';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// Sign-in: guest in the embedded default; OpenID Connect (Kubeflow's Dex) in production, by the
// verified e-mail of the User entity
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('./modules/oidcSignIn'));

// Catalog, with Kubeflow resources as entities
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
backend.add(
  import('@kubeflow-backstage/plugin-catalog-backend-module-kubeflow'),
);

// Software templates, with the kubeflow:* actions
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);
// Task recovery keeps a task's workspace in the database, so a restarted backend resumes it.
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-workspace-database'),
);
backend.add(
  import('@kubeflow-backstage/plugin-scaffolder-backend-module-kubeflow'),
);

// Permissions, decided by our policy
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('./modules/permissionPolicy'));

// Search: Lunr in memory by default, PostgreSQL when the database is PostgreSQL
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-pg'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
backend.add(searchModuleKubeflowCollator);

// Kubernetes (the standard Kubernetes tab) and Kubeflow
backend.add(import('@backstage/plugin-kubernetes-backend'));
// On Kubeflow clusters the Kubernetes tab shows only what the user may list there.
backend.add(import('./modules/kubernetesTenancy'));
backend.add(import('@kubeflow-backstage/plugin-kubeflow-backend'));

backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

backend.start();
