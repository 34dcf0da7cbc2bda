import { loadCoreSchemas } from './coreSchemas';
import { coreTypes, ServedType } from './coreTypes';
import { loadCrds, VersionSchema } from './loadCrds';

/** One API group as discovery shows it. */
export interface ServedGroup {
  /** '' for the core group. */
  name: string;
  /** Versions, preferred first. */
  versions: string[];
}

const VERSION_PATTERN = /^v(\d+)(?:(alpha|beta)(\d+))?$/;

/** Kubernetes' version priority: GA > beta > alpha, then higher numbers first. */
export function compareVersions(a: string, b: string): number {
  const rank = (v: string): [number, number, number] => {
    const m = VERSION_PATTERN.exec(v);
    if (!m) return [0, 0, 0];
    const levels: Record<string, number> = { beta: 2, alpha: 1 };
    const level = m[2] === undefined ? 3 : levels[m[2]];
    return [level, Number(m[1]), Number(m[3] ?? 0)];
  };
  const [la, ma, na] = rank(a);
  const [lb, mb, nb] = rank(b);
  return lb - la || mb - ma || nb - na;
}

/**
 * The served types (core + Kubeflow CRDs) with lookups by store key and by URL
 * (group/version/plural), plus the schemas of the CRD versions.
 */
export class TypeRegistry {
  private readonly byKey = new Map<string, ServedType>();
  private readonly schemas: Map<string, VersionSchema>;
  readonly warnings: string[];

  private constructor(
    types: ServedType[],
    schemas: Map<string, VersionSchema>,
    warnings: string[],
  ) {
    for (const type of types) this.byKey.set(type.key, type);
    this.schemas = schemas;
    this.warnings = warnings;
  }

  /** Loads the core types (with the schemas it has for them) and the Kubeflow CRDs from `specsDir`. */
  static load(specsDir: string): TypeRegistry {
    const crds = loadCrds(specsDir);
    return new TypeRegistry(
      [...coreTypes(), ...crds.types],
      new Map([...loadCoreSchemas(specsDir), ...crds.schemas]),
      crds.warnings,
    );
  }

  get(key: string): ServedType | undefined {
    return this.byKey.get(key);
  }

  all(): ServedType[] {
    return [...this.byKey.values()];
  }

  /** The type served at `/apis/<group>/<version>/<plural>` (or `/api/v1/<plural>`). */
  find(group: string, version: string, plural: string): ServedType | undefined {
    const type = this.byKey.get(group ? `${plural}.${group}` : plural);
    return type && type.versions.includes(version) ? type : undefined;
  }

  /** The type of a kind in a group (any served version). */
  findKind(group: string, kind: string): ServedType | undefined {
    for (const type of this.byKey.values()) {
      if (type.group === group && type.kind === kind) return type;
    }
    return undefined;
  }

  /** The schema of one version of a type (CRD or built-in), if it has one. */
  schema(key: string, version: string): VersionSchema | undefined {
    return this.schemas.get(`${key}@${version}`);
  }

  /** Groups in discovery order (core first), versions preferred-first. */
  groups(): ServedGroup[] {
    const groups = new Map<string, Set<string>>();
    for (const type of this.byKey.values()) {
      const versions = groups.get(type.group) ?? new Set<string>();
      type.versions.forEach(v => versions.add(v));
      groups.set(type.group, versions);
    }
    return [...groups.entries()].map(([name, versions]) => ({
      name,
      versions: [...versions].sort(compareVersions),
    }));
  }

  /** Types served in one group/version. */
  typesIn(group: string, version: string): ServedType[] {
    return this.all().filter(
      t => t.group === group && t.versions.includes(version),
    );
  }
}
