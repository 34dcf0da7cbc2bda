export * from './types';
export * from './notebookState';
export * from './servingState';
export * from './jobState';
