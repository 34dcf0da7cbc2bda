import type { KubeObject, ResourceKey } from '../store/types';
import { ReconcilingController } from './ReconcilingController';
import { nowRfc3339 } from './conditions';
import {
  hash,
  initFailedStatus,
  isvcConditions,
  modelStatus,
  randomSuffix,
} from './inferenceServiceStatus';
import { buildPod, ensurePod, setPodStage } from './pods';
import {
  computeRollout,
  desiredReplicas,
  predictorFingerprint,
  predictorModelFormat,
  predictorStorageUri,
  revisionName,
  revisionNumber,
  runtimeImage,
  servingRuntimeFor,
  storageFailure,
} from './inferenceServiceModel';

const ISVCS = 'inferenceservices.serving.kserve.io';
/** Label KServe puts on every pod of an InferenceService. */
export const ISVC_LABEL = 'serving.kserve.io/inferenceservice';
/** Annotation that stops an InferenceService. */
export const ISVC_STOP_ANNOTATION = 'serving.kserve.io/stop';
const HASH_ANNOTATION = 'serving.knative.dev/revision-spec-hash';
const REVISION_LABEL = 'serving.knative.dev/revision';

/**
 * InferenceService → predictor revisions (Knative-style `<name>-predictor-0000N`, bumped on each
 * predictor change), pods, traffic (canary split / promote), conditions and modelStatus.
 */
export class InferenceServiceController extends ReconcilingController {
  private readonly fingerprints = new Map<string, string>();

  constructor() {
    super({ name: 'kserve-controller', primary: ISVCS, owned: ['pods'] });
  }

  protected primariesOf(key: ResourceKey, object: KubeObject) {
    const name = object.metadata.labels?.[ISVC_LABEL];
    return key === 'pods' && name
      ? [{ namespace: object.metadata.namespace, name }]
      : [];
  }

  protected onDeleted(object: KubeObject): void {
    this.fingerprints.delete(object.metadata.uid ?? '');
  }

  protected reconcile(isvc: KubeObject): void {
    if (isvc.metadata.deletionTimestamp) return;
    const { store } = this.context;
    const namespace = isvc.metadata.namespace!;
    const name = isvc.metadata.name!;
    const status = (isvc.status ?? {}) as any;
    const predictorStatus = (status.components?.predictor ?? {}) as any;
    const pods = store
      .list('pods', namespace)
      .filter(p => p.metadata.labels?.[ISVC_LABEL] === name);

    const fingerprint = hash(predictorFingerprint(isvc));
    let latest = revisionNumber(predictorStatus.latestCreatedRevision);
    const known = this.knownFingerprint(isvc, revisionName(isvc, latest), pods);
    if (latest === 0 || known !== fingerprint) latest += 1;
    this.fingerprints.set(isvc.metadata.uid ?? name, fingerprint);
    const latestRevision = revisionName(isvc, latest);

    const stopped =
      isvc.metadata.annotations?.[ISVC_STOP_ANNOTATION] === 'true';
    const failure = storageFailure(predictorStorageUri(isvc));
    const failed =
      status.modelStatus?.lastFailureInfo?.modelRevisionName === latestRevision;
    const ready =
      !failure && predictorStatus.latestReadyRevision === latestRevision;

    // Pods: the latest revision's, plus the stable one while a canary splits traffic.
    const rollout = ready
      ? computeRollout({
          isvc,
          latestReady: latestRevision,
          previous: predictorStatus,
          host: `${name}-predictor.${namespace}.example.com`,
        })
      : undefined;
    const keep = new Set<string>(stopped ? [] : [latestRevision]);
    for (const t of rollout?.traffic ?? predictorStatus.traffic ?? []) {
      if (!stopped && t.percent > 0) keep.add(t.revisionName);
    }
    for (const pod of pods) {
      if (!keep.has(pod.metadata.labels?.[REVISION_LABEL] ?? '')) {
        store.delete('pods', namespace, pod.metadata.name!);
      }
    }
    if (!stopped) {
      this.ensureRevisionPods(
        isvc,
        latestRevision,
        fingerprint,
        pods,
        failure && failed ? failure : undefined,
      );
      if (!ready && !failed) {
        this.schedule(isvc, `ready-${latestRevision}`, 4000, () =>
          this.finishRollout(isvc, latestRevision, failure),
        );
      }
    }
    this.writeStatus(isvc, {
      latestRevision,
      ready,
      failed: !!failure && failed,
      failure,
      stopped,
      rollout,
    });
  }

  private knownFingerprint(
    isvc: KubeObject,
    revision: string,
    pods: KubeObject[],
  ) {
    const remembered = this.fingerprints.get(
      isvc.metadata.uid ?? isvc.metadata.name!,
    );
    if (remembered) return remembered;
    const pod = pods.find(
      p => p.metadata.labels?.[REVISION_LABEL] === revision,
    );
    if (pod?.metadata.annotations?.[HASH_ANNOTATION]) {
      return pod.metadata.annotations[HASH_ANNOTATION];
    }
    // After a restore without pods (e.g. stopped): unchanged spec ⇔ generation observed.
    const status = (isvc.status ?? {}) as any;
    if (
      status.observedGeneration &&
      status.observedGeneration === isvc.metadata.generation
    ) {
      return hash(predictorFingerprint(isvc));
    }
    return undefined;
  }

  private ensureRevisionPods(
    isvc: KubeObject,
    revision: string,
    fingerprint: string,
    pods: KubeObject[],
    failure: string | undefined,
  ): void {
    const { store } = this.context;
    const namespace = isvc.metadata.namespace!;
    const name = isvc.metadata.name!;
    const mine = pods.filter(
      p => p.metadata.labels?.[REVISION_LABEL] === revision,
    );
    const wanted = desiredReplicas(isvc);
    const format = predictorModelFormat(isvc);
    const ready =
      ((isvc.status as any)?.components?.predictor
        ?.latestReadyRevision as string) === revision;
    for (let i = mine.length; i < wanted; i++) {
      const podName = `${revision}-deployment-${fingerprint.slice(
        0,
        10,
      )}-${randomSuffix(revision, i)}`;
      const predictor = ((isvc.spec as any)?.predictor ?? {}) as any;
      const pod = buildPod({
        name: podName,
        namespace,
        labels: {
          [ISVC_LABEL]: name,
          component: 'predictor',
          app: revision,
          [REVISION_LABEL]: revision,
          'serving.knative.dev/configuration': `${name}-predictor`,
          'serving.knative.dev/service': `${name}-predictor`,
          ...(predictor.labels ?? {}),
          ...(isvc.metadata.labels ?? {}),
        },
        annotations: {
          [HASH_ANNOTATION]: fingerprint,
          'serving.kserve.io/storage-initializer-sourceuri':
            predictorStorageUri(isvc) ?? '',
        },
        owner: isvc,
        containers: [
          {
            name: 'kserve-container',
            image: runtimeImage(format),
            args: [
              '--model_name',
              name,
              '--model_dir',
              '/mnt/models',
              '--http_port',
              '8080',
            ],
            ports: [
              { containerPort: 8080, name: 'user-port', protocol: 'TCP' },
            ],
          },
          {
            name: 'queue-proxy',
            image:
              'gcr.io/knative-releases/knative.dev/serving/cmd/queue:v1.15.2',
          },
        ],
        serviceAccountName: predictor.serviceAccountName ?? 'default',
        extraSpec: {
          initContainers: [
            {
              name: 'storage-initializer',
              image: 'kserve/storage-initializer:v0.16.0',
              args: [predictorStorageUri(isvc) ?? '', '/mnt/models'],
            },
          ],
        },
      });
      const created = ensurePod(
        store,
        pod,
        ready ? 'Running' : 'Pending',
        i + 1,
      );
      if (failure) {
        // A pod of a revision that already failed to load fails the same way.
        store.mutate('pods', namespace, created.metadata.name!, p => {
          p.status = initFailedStatus(p, failure, nowRfc3339());
        });
      }
    }
    for (const extra of mine.slice(wanted)) {
      store.delete('pods', namespace, extra.metadata.name!);
    }
  }

  private finishRollout(
    isvc: KubeObject,
    revision: string,
    failure: string | undefined,
  ) {
    const { store } = this.context;
    const namespace = isvc.metadata.namespace!;
    const pods = store
      .list('pods', namespace)
      .filter(p => p.metadata.labels?.[REVISION_LABEL] === revision);
    const now = nowRfc3339();
    for (const pod of pods) {
      if (failure) {
        store.mutate('pods', namespace, pod.metadata.name!, p => {
          p.status = initFailedStatus(p, failure, now);
        });
        this.context.recordEvent(
          pod,
          'Warning',
          'BackOff',
          'Back-off restarting failed container storage-initializer',
        );
      } else {
        setPodStage(store, namespace, pod.metadata.name!, 'Running');
      }
    }
    store.mutate(ISVCS, namespace, isvc.metadata.name!, current => {
      const status = (current.status ?? {}) as any;
      const predictor = { ...(status.components?.predictor ?? {}) };
      if (failure) {
        status.modelStatus = {
          ...(status.modelStatus ?? {}),
          lastFailureInfo: {
            reason: 'ModelLoadFailed',
            message: failure,
            location: pods[0]?.metadata.name ?? revision,
            exitCode: 1,
            modelRevisionName: revision,
            time: now,
          },
        };
      } else {
        predictor.latestReadyRevision = revision;
      }
      status.components = { ...(status.components ?? {}), predictor };
      current.status = status;
    });
    this.context.recordEvent(
      isvc,
      failure ? 'Warning' : 'Normal',
      failure ? 'InternalError' : 'InferenceServiceReady',
      failure ? failure : `InferenceService [${isvc.metadata.name}] is Ready`,
    );
  }

  private writeStatus(
    isvc: KubeObject,
    s: {
      latestRevision: string;
      ready: boolean;
      failed: boolean;
      failure?: string;
      stopped: boolean;
      rollout?: ReturnType<typeof computeRollout>;
    },
  ) {
    const namespace = isvc.metadata.namespace!;
    const name = isvc.metadata.name!;
    const format = predictorModelFormat(isvc);
    this.context.store.mutate(ISVCS, namespace, name, current => {
      const old = (current.status ?? {}) as any;
      const oldPredictor = (old.components?.predictor ?? {}) as any;
      const conditions = isvcConditions(old.conditions, {
        ...s,
        name,
        hadReadyRevision: !!oldPredictor.latestReadyRevision,
      });

      const predictor: Record<string, unknown> = {
        latestCreatedRevision: s.latestRevision,
        ...(oldPredictor.latestReadyRevision
          ? { latestReadyRevision: oldPredictor.latestReadyRevision }
          : {}),
        ...(oldPredictor.latestRolledoutRevision
          ? { latestRolledoutRevision: oldPredictor.latestRolledoutRevision }
          : {}),
        ...(oldPredictor.previousRolledoutRevision
          ? {
              previousRolledoutRevision: oldPredictor.previousRolledoutRevision,
            }
          : {}),
        ...(oldPredictor.traffic ? { traffic: oldPredictor.traffic } : {}),
      };
      if (s.rollout && !s.stopped) Object.assign(predictor, s.rollout);
      const everReady = !!predictor.latestReadyRevision;
      if (everReady) {
        predictor.url = `http://${name}-predictor.${namespace}.example.com`;
        predictor.address = {
          url: `http://${name}-predictor.${namespace}.svc.cluster.local`,
        };
      }

      const status: Record<string, unknown> = {
        ...(everReady
          ? {
              url: `http://${name}.${namespace}.example.com`,
              address: { url: `http://${name}.${namespace}.svc.cluster.local` },
            }
          : {}),
        components: { predictor },
        conditions,
        deploymentMode:
          current.metadata.annotations?.['serving.kserve.io/deploymentMode'] ??
          'Serverless',
        modelStatus: modelStatus(s, old.modelStatus, desiredReplicas(current)),
        observedGeneration: current.metadata.generation ?? 1,
        servingRuntimeName: servingRuntimeFor(format),
      };
      current.status = status;
    });
  }
}
