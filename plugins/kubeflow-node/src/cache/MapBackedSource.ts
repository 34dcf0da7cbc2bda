import { ObjectMap } from './ObjectMap';
import { CacheSource, SourceHealth } from './types';

/** What every cache source does with the objects it holds: serve them and its health. */
export abstract class MapBackedSource implements CacheSource {
  abstract readonly resource: string;
  protected abstract readonly map: ObjectMap;
  abstract start(): void;
  abstract stop(): void;

  values(): any[] {
    return this.map.values();
  }

  get(key: string): any | undefined {
    return this.map.get(key);
  }

  health(): SourceHealth {
    return this.map.health();
  }

  whenSynced(timeoutMs: number): Promise<void> {
    return this.map.whenSynced(timeoutMs);
  }
}
