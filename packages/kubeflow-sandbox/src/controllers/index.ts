import type { Controller } from '../store/types';
import { InferenceServiceController } from './InferenceServiceController';
import { KatibExperimentController } from './KatibExperimentController';
import { KfpRunController } from './KfpRunController';
import { NotebookController } from './NotebookController';
import { ProfileController } from './ProfileController';
import { ScheduledSparkApplicationController } from './ScheduledSparkApplicationController';
import { SparkApplicationController } from './SparkApplicationController';
import { TensorboardController } from './TensorboardController';
import { TrainJobController } from './TrainJobController';
import { TrainingOperatorJobController } from './TrainingOperatorJobController';
import { LEGACY_TRAINING_JOBS } from '../schema/crdCatalog';

/** Every Kubeflow controller of the sandbox, fresh (not started). */
export function createControllers(): Controller[] {
  return [
    new ProfileController(),
    new NotebookController(),
    new TensorboardController(),
    new InferenceServiceController(),
    new KatibExperimentController(),
    new TrainJobController(),
    ...LEGACY_TRAINING_JOBS.map(
      kind => new TrainingOperatorJobController(kind),
    ),
    new SparkApplicationController(),
    new ScheduledSparkApplicationController(),
    new KfpRunController(),
  ];
}

export { renderPodLog } from './podLogs';
