import { TransformContext } from './context';
import {
  scheduledSparkApplicationToEntity,
  sparkApplicationToEntity,
} from './workloads';

const context: TransformContext = {
  cluster: 'sandbox',
  profiles: new Set(['team-forecasting']),
  defaultOwner: 'group:default/ml-platform',
  userRefOf: () => undefined,
};

const template = {
  type: 'Python' as const,
  sparkVersion: '3.5.5',
  mainApplicationFile: 'local:///opt/jobs/daily_sales.py',
  driver: { cores: 1, memory: '1g' },
  executor: { cores: 2, memory: '4g', instances: 3 },
};

describe('Spark in the catalog', () => {
  it('a schedule is one entity: its cron, time zone, application and state', () => {
    const entity = scheduledSparkApplicationToEntity(
      {
        apiVersion: 'sparkoperator.k8s.io/v1beta2',
        kind: 'ScheduledSparkApplication',
        metadata: { name: 'daily-sales', namespace: 'team-forecasting' },
        spec: { schedule: '0 1 * * *', timeZone: 'Europe/Berlin', template },
        status: { scheduleState: 'Scheduled' },
      },
      context,
    );
    expect(entity).toMatchObject({
      kind: 'Resource',
      metadata: {
        name: 'team-forecasting.daily-sales',
        annotations: { 'kubeflow.org/kind': 'ScheduledSparkApplication' },
        tags: ['kubeflow', 'spark', 'scheduled', 'python'],
      },
      spec: { type: 'spark-application' },
    });
    expect(entity.metadata.description).toBe(
      'Scheduled Spark 3.5.5 Python application, cron 0 1 * * * (Europe/Berlin), with 3 executor(s), running local:///opt/jobs/daily_sales.py. State: Scheduled.',
    );
  });

  it('the runs a schedule makes are not entities of their own; other applications are', () => {
    const app = (labels?: Record<string, string>) => ({
      apiVersion: 'sparkoperator.k8s.io/v1beta2',
      kind: 'SparkApplication',
      metadata: { name: 'daily-sales-1764378000', namespace: 'team-forecasting', labels },
      spec: template,
    });
    expect(
      sparkApplicationToEntity(
        app({ 'sparkoperator.k8s.io/scheduled-app-name': 'daily-sales' }),
        context,
      ),
    ).toEqual([]);
    expect(sparkApplicationToEntity(app(), context)).toHaveLength(1);
  });
});
