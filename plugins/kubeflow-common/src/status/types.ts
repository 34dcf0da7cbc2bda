/** The display phase of any Kubeflow resource, as the portal's pages colour it. @public */
export type DisplayPhase =
  | 'ready'
  | 'waiting'
  | 'stopped'
  | 'stopping'
  | 'terminating'
  | 'warning'
  | 'error'
  | 'succeeded'
  | 'unknown';

/** A resource's display state: a phase and a sentence a person understands. @public */
export interface DisplayState {
  phase: DisplayPhase;
  message: string;
}
