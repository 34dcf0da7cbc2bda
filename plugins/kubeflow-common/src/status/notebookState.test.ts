import { Notebook } from '../resources';
import { notebookDisplayState } from './notebookState';

const now = new Date('2026-11-01T10:00:30Z');

function notebook(overrides: {
  annotations?: Record<string, string>;
  deletionTimestamp?: string;
  creationTimestamp?: string;
  status?: Notebook['status'];
}): Notebook {
  return {
    apiVersion: 'kubeflow.org/v1',
    kind: 'Notebook',
    metadata: {
      name: 'eda',
      namespace: 'team-a',
      creationTimestamp: overrides.creationTimestamp ?? '2026-11-01T10:00:00Z',
      annotations: overrides.annotations,
      deletionTimestamp: overrides.deletionTimestamp,
    },
    status: overrides.status,
  };
}

const running = { readyReplicas: 1, containerState: {}, conditions: [] };

describe('notebookDisplayState (the Jupyter web app rules, in their order)', () => {
  it('a brand-new notebook without status is waiting', () => {
    expect(
      notebookDisplayState(
        notebook({ creationTimestamp: '2026-11-01T10:00:25Z' }),
        now,
      ).phase,
    ).toBe('waiting');
  });

  it('the stop annotation gives stopped at 0 replicas and stopping before', () => {
    const annotations = { 'kubeflow-resource-stopped': '2026-11-01T10:00:10Z' };
    expect(
      notebookDisplayState(notebook({ annotations, status: running }), now),
    ).toEqual({ phase: 'stopping', message: 'Notebook server is stopping.' });
    expect(
      notebookDisplayState(
        notebook({ annotations, status: { ...running, readyReplicas: 0 } }),
        now,
      ).phase,
    ).toBe('stopped');
  });

  it('a deleted notebook is terminating, before being ready', () => {
    expect(
      notebookDisplayState(
        notebook({
          deletionTimestamp: '2026-11-01T10:00:20Z',
          status: running,
        }),
        now,
      ).phase,
    ).toBe('terminating');
  });

  it('one ready replica is ready', () => {
    expect(notebookDisplayState(notebook({ status: running }), now)).toEqual({
      phase: 'ready',
      message: 'Running',
    });
  });

  it('a waiting container is a warning with its reason and message', () => {
    expect(
      notebookDisplayState(
        notebook({
          status: {
            readyReplicas: 0,
            containerState: {
              waiting: {
                reason: 'ImagePullBackOff',
                message: 'Back-off pulling image',
              },
            },
            conditions: [],
          },
        }),
        now,
      ),
    ).toEqual({
      phase: 'warning',
      message: 'ImagePullBackOff: Back-off pulling image',
    });
  });

  it('a condition with a reason is a warning; nothing at all is waiting', () => {
    expect(
      notebookDisplayState(
        notebook({
          status: {
            readyReplicas: 0,
            containerState: {},
            conditions: [
              {
                type: 'PodScheduled',
                status: 'False',
                reason: 'Unschedulable',
                message: '0/3 nodes',
              },
            ],
          },
        }),
        now,
      ),
    ).toEqual({ phase: 'warning', message: 'Unschedulable: 0/3 nodes' });
    expect(
      notebookDisplayState(
        notebook({
          status: { readyReplicas: 0, containerState: {}, conditions: [] },
        }),
        now,
      ).phase,
    ).toBe('waiting');
  });
});
