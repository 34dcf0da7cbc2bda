import type { KubeObject, ResourceKey } from '../store/types';
import { ReconcilingController } from './ReconcilingController';
import { nowRfc3339 } from './conditions';
import { controllerRef } from './ownership';
import { buildPod, ensurePod, setPodStage } from './pods';
import { prng, seedOf } from './katibModel';

const APPS = 'sparkapplications.sparkoperator.k8s.io';
/** Label with the SparkApplication name on its pods. */
export const SPARK_APP_LABEL = 'sparkoperator.k8s.io/app-name';

/**
 * SparkApplication: "" → SUBMITTED (driver pod, UI service) → RUNNING (executors) → COMPLETED,
 * or FAILED when `mainApplicationFile` contains `fail`.
 */
export class SparkApplicationController extends ReconcilingController {
  constructor() {
    super({
      name: 'spark-operator',
      primary: APPS,
      owned: ['pods', 'services'],
    });
  }

  protected primariesOf(key: ResourceKey, object: KubeObject) {
    const name = object.metadata.labels?.[SPARK_APP_LABEL];
    return name
      ? [{ namespace: object.metadata.namespace, name }]
      : super.primariesOf(key, object);
  }

  protected reconcile(app: KubeObject): void {
    if (app.metadata.deletionTimestamp) return;
    const state =
      ((app.status as any)?.applicationState?.state as string) ?? '';
    if (state === '') {
      this.schedule(app, 'submit', 1000, () => this.submit(app));
    } else if (state === 'SUBMITTED') {
      this.schedule(app, 'run', 2500, () => this.run(app));
    } else if (state === 'RUNNING') {
      this.schedule(app, 'finish', 9000, () => this.finish(app));
    }
  }

  private submit(app: KubeObject): void {
    const { store } = this.context;
    const namespace = app.metadata.namespace!;
    const name = app.metadata.name!;
    const spec = (app.spec ?? {}) as any;
    const r = prng(seedOf(`${namespace}/${name}/${app.metadata.uid ?? ''}`));
    const hex = (n: number) =>
      Array.from({ length: n }, () => Math.floor(r() * 16).toString(16)).join(
        '',
      );
    const submissionID = `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
    const appId = `spark-${hex(32)}`;
    const labels = sparkLabels(app, submissionID, appId);
    const ui = `${name}-ui-svc`;
    const clusterIP = `10.96.${Math.floor(r() * 250)}.${
      2 + Math.floor(r() * 250)
    }`;
    if (!store.get('services', namespace, ui)) {
      store.create('services', {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: {
          name: ui,
          namespace,
          labels: { [SPARK_APP_LABEL]: name },
          ownerReferences: [controllerRef(app)],
        },
        spec: {
          type: 'ClusterIP',
          clusterIP,
          selector: { 'spark-role': 'driver', [SPARK_APP_LABEL]: name },
          ports: [
            {
              name: 'spark-driver-ui-port',
              port: 4040,
              targetPort: 4040,
              protocol: 'TCP',
            },
          ],
        },
      });
    }
    ensurePod(
      store,
      buildPod({
        name: `${name}-driver`,
        namespace,
        labels: {
          ...labels,
          ...(spec.driver?.labels ?? {}),
          'spark-role': 'driver',
        },
        owner: app,
        restartPolicy: 'Never',
        serviceAccountName:
          spec.driver?.serviceAccount ?? 'spark-operator-spark',
        containers: [
          {
            name: 'spark-kubernetes-driver',
            image:
              spec.driver?.image ??
              spec.image ??
              'docker.io/apache/spark:4.0.4',
            args: [
              'driver',
              '--class',
              spec.mainClass ?? '',
              spec.mainApplicationFile ?? '',
              ...(spec.arguments ?? []),
            ],
            ports: [{ containerPort: 4040, name: 'spark-ui', protocol: 'TCP' }],
          },
        ],
      }),
      'Pending',
    );
    const now = nowRfc3339();
    store.mutate(APPS, namespace, name, a => {
      a.status = {
        applicationState: { state: 'SUBMITTED' },
        driverInfo: {
          podName: `${name}-driver`,
          webUIServiceName: ui,
          webUIPort: 4040,
          webUIAddress: `${clusterIP}:4040`,
        },
        sparkApplicationId: appId,
        submissionID,
        submissionAttempts: 1,
        executionAttempts: 0,
        lastSubmissionAttemptTime: now,
        terminationTime: null,
      };
      delete (a.status as any).terminationTime;
    });
    this.context.recordEvent(
      app,
      'Normal',
      'SparkApplicationSubmitted',
      `SparkApplication ${name} was submitted successfully`,
    );
  }

  private run(app: KubeObject): void {
    const { store } = this.context;
    const namespace = app.metadata.namespace!;
    const name = app.metadata.name!;
    const current = store.get(APPS, namespace, name);
    if (!current) return;
    const spec = (current.spec ?? {}) as any;
    const status = (current.status ?? {}) as any;
    setPodStage(store, namespace, `${name}-driver`, 'Running');
    const executorState: Record<string, string> = {};
    const instances: number = spec.executor?.instances ?? 1;
    const labels = sparkLabels(
      current,
      status.submissionID,
      status.sparkApplicationId,
    );
    for (let i = 1; i <= instances; i++) {
      const podName =
        `${name}-exec-${i}`.length > 63
          ? `spark-${status.sparkApplicationId?.slice(6, 22)}-exec-${i}`
          : `${name}-exec-${i}`;
      ensurePod(
        store,
        buildPod({
          name: podName,
          namespace,
          labels: {
            ...labels,
            ...(spec.executor?.labels ?? {}),
            'spark-role': 'executor',
            'spark-exec-id': String(i),
          },
          owner: current,
          restartPolicy: 'Never',
          containers: [
            {
              name: 'spark-kubernetes-executor',
              image:
                spec.executor?.image ??
                spec.image ??
                'docker.io/apache/spark:4.0.4',
              args: ['executor'],
            },
          ],
        }),
        'Running',
        i + 1,
      );
      executorState[podName] = 'RUNNING';
    }
    store.mutate(APPS, namespace, name, a => {
      const st = (a.status ?? {}) as any;
      a.status = {
        ...st,
        applicationState: { state: 'RUNNING' },
        executionAttempts: 1,
        executorState,
      };
    });
    this.context.recordEvent(
      current,
      'Normal',
      'SparkDriverRunning',
      `Driver ${name}-driver is running`,
    );
  }

  private finish(app: KubeObject): void {
    const { store } = this.context;
    const namespace = app.metadata.namespace!;
    const name = app.metadata.name!;
    const current = store.get(APPS, namespace, name);
    if (!current) return;
    const fails = String(
      (current.spec as any)?.mainApplicationFile ?? '',
    ).includes('fail');
    const st = (current.status ?? {}) as any;
    setPodStage(
      store,
      namespace,
      `${name}-driver`,
      fails ? 'Failed' : 'Succeeded',
    );
    const executorState: Record<string, string> = {};
    for (const pod of Object.keys(st.executorState ?? {})) {
      setPodStage(store, namespace, pod, fails ? 'Failed' : 'Succeeded');
      executorState[pod] = fails ? 'FAILED' : 'COMPLETED';
    }
    store.mutate(APPS, namespace, name, a => {
      const s = (a.status ?? {}) as any;
      a.status = {
        ...s,
        applicationState: fails
          ? {
              state: 'FAILED',
              errorMessage:
                'driver container failed with ExitCode: 1, Reason: Error',
            }
          : { state: 'COMPLETED' },
        executorState,
        terminationTime: nowRfc3339(),
      };
    });
    this.context.recordEvent(
      current,
      fails ? 'Warning' : 'Normal',
      fails ? 'SparkApplicationFailed' : 'SparkApplicationCompleted',
      fails
        ? `SparkApplication ${name} failed: driver container failed with ExitCode: 1, Reason: Error`
        : `SparkApplication ${name} completed`,
    );
  }
}

function sparkLabels(
  app: KubeObject,
  submissionID: string,
  appId: string,
): Record<string, string> {
  const scheduled =
    app.metadata.labels?.['sparkoperator.k8s.io/scheduled-app-name'];
  return {
    [SPARK_APP_LABEL]: app.metadata.name!,
    'sparkoperator.k8s.io/launched-by-spark-operator': 'true',
    'sparkoperator.k8s.io/submission-id': submissionID,
    'spark-app-selector': appId,
    'spark-app-name': app.metadata.name!,
    'spark-version': String((app.spec as any)?.sparkVersion ?? '4.0.4'),
    ...(scheduled
      ? { 'sparkoperator.k8s.io/scheduled-app-name': scheduled }
      : {}),
  };
}
