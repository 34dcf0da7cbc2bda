import type { KubeObject } from '../store/types';
import { ReconcilingController } from './ReconcilingController';
import { nowRfc3339 } from './conditions';

const TENSORBOARDS = 'tensorboards.tensorboard.kubeflow.org';

/** Tensorboard: Progressing, then Available with readyReplicas 1 (status as the controller writes it). */
export class TensorboardController extends ReconcilingController {
  constructor() {
    super({ name: 'tensorboard-controller', primary: TENSORBOARDS });
  }

  protected reconcile(tb: KubeObject): void {
    const status = (tb.status ?? {}) as any;
    const { namespace, name } = tb.metadata;
    if (!status.conditions?.length) {
      this.context.store.mutate(TENSORBOARDS, namespace, name!, t => {
        t.status = {
          readyReplicas: 0,
          conditions: [
            { deploymentState: 'Progressing', lastProbeTime: nowRfc3339() },
          ],
        };
      });
      return;
    }
    if (status.readyReplicas !== 1) {
      this.schedule(tb, 'ready', 3000, () => {
        this.context.store.mutate(TENSORBOARDS, namespace, name!, t => {
          t.status = {
            readyReplicas: 1,
            conditions: [
              ...((t.status as any)?.conditions ?? []),
              { deploymentState: 'Available', lastProbeTime: nowRfc3339() },
            ],
          };
        });
      });
    }
  }
}
