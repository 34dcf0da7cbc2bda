import {
  AuthService,
  BackstageCredentials,
  BackstageUserPrincipal,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  BasicPermission,
  AuthorizeResult,
} from '@backstage/plugin-permission-common';
import {
  Impersonation,
  KubeflowClusters,
  ResourceOperation,
  UserIdentities,
} from '@kubeflow-backstage/plugin-kubeflow-node';
import { Request } from 'express';

/** The signed-in caller as Kubeflow knows them. */
export interface Caller {
  credentials: BackstageCredentials<BackstageUserPrincipal>;
  userEntityRef: string;
  /** The Kubeflow identity every cluster call on their behalf impersonates. */
  identity: Impersonation;
}

/**
 * Who is calling, and may they: resolves the signed-in user to their Kubeflow identity (through
 * their User entity, cached briefly) and checks an operation twice — the Backstage permission,
 * then the cluster's own RBAC (SubjectAccessReview). Never trusts identity headers from the request.
 */
export class CallerResolver {
  private readonly identities: UserIdentities;

  constructor(
    private readonly options: {
      httpAuth: HttpAuthService;
      auth: AuthService;
      catalog: CatalogService;
      permissions: PermissionsService;
      clusters: KubeflowClusters;
    },
  ) {
    this.identities = new UserIdentities({
      catalog: options.catalog,
      auth: options.auth,
      tenancy: options.clusters.tenancy,
    });
  }

  async caller(req: Request): Promise<Caller> {
    const credentials = await this.options.httpAuth.credentials(req, {
      allow: ['user'],
    });
    const userEntityRef = credentials.principal.userEntityRef;
    const identity = await this.identities.requireIdentity(userEntityRef);
    return { credentials, userEntityRef, identity };
  }

  /** Throws NotAllowedError unless the portal's policy grants the permission. */
  async authorizePortal(
    caller: Caller,
    permission: BasicPermission,
  ): Promise<void> {
    const [decision] = await this.options.permissions.authorize(
      [{ permission }],
      {
        credentials: caller.credentials,
      },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `${caller.userEntityRef} lacks ${permission.name}`,
      );
    }
  }

  /** Throws NotAllowedError unless both the portal and the cluster allow the operation. */
  async authorize(
    caller: Caller,
    cluster: string,
    permission: BasicPermission,
    operation: ResourceOperation,
  ): Promise<void> {
    await this.authorizePortal(caller, permission);
    if (
      !(await this.options.clusters.tenancy.can(
        cluster,
        caller.identity,
        operation,
      ))
    ) {
      throw new NotAllowedError(
        `${caller.identity.user} may not ${operation.verb} ${
          operation.resource
        } in ${operation.namespace ?? 'the cluster'} on ${cluster}`,
      );
    }
  }
}
