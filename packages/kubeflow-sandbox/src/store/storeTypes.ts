import type {
  FieldValidation,
  SchemaValidator,
} from '../schema/SchemaValidator';
import type { TypeRegistry } from '../schema/TypeRegistry';
import type { KubeObject, StoreEvent, WriteOptions } from './types';

/** Write options the HTTP layer adds to the contract's. */
export interface StoreWriteOptions extends WriteOptions {
  /** HTTP semantics: status is dropped on create for types with a status subresource. */
  api?: boolean;
  fieldValidation?: FieldValidation;
  /** Collects warnings (unknown fields with fieldValidation=Warn). */
  warnings?: string[];
  /** Skip schema validation (bulk seeding). */
  skipValidation?: boolean;
}

/** Delete options (query parameters / DeleteOptions body). */
export interface StoreDeleteOptions extends WriteOptions {
  propagationPolicy?: 'Orphan' | 'Background' | 'Foreground';
  preconditions?: { uid?: string; resourceVersion?: string };
}

/** A store event with the previous state of the object (for selector transitions). */
export interface StoreChange extends StoreEvent {
  oldObject?: KubeObject;
}

/** The persisted form of a store. */
export interface StoreSnapshot {
  resourceVersion: number;
  objects: Record<string, KubeObject[]>;
}

/** Options of {@link MemoryStore}. */
export interface MemoryStoreOptions {
  registry: TypeRegistry;
  validator?: SchemaValidator;
  /** Events kept for watch replay and continue tokens (the compaction window). */
  historySize?: number;
}
