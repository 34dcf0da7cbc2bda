/**
 * A model format a serving runtime declares (`spec.supportedModelFormats[]`).
 *
 * @public
 */
export interface ServingRuntimeFormat {
  name: string;
  version?: string;
  autoSelect?: boolean;
  priority?: number;
}

/**
 * A runtime the cluster offers: a ServingRuntime in a namespace or a ClusterServingRuntime.
 *
 * @public
 */
export interface ServingRuntimeSummary {
  name: string;
  clusterScoped: boolean;
  formats: ServingRuntimeFormat[];
  disabled: boolean;
}

/**
 * A KServe ServingRuntime or ClusterServingRuntime object as a summary.
 *
 * @public
 */
export function toServingRuntime(
  object: {
    metadata: { name: string };
    spec?: {
      supportedModelFormats?: ServingRuntimeFormat[];
      disabled?: boolean;
    };
  },
  clusterScoped: boolean,
): ServingRuntimeSummary {
  return {
    name: object.metadata.name,
    clusterScoped,
    formats: object.spec?.supportedModelFormats ?? [],
    disabled: object.spec?.disabled === true,
  };
}

/**
 * The entry of a runtime's formats that serves a model format (names compare case-insensitively,
 * versions by their major number, as KServe matches them); undefined when none does.
 *
 * @public
 */
export function runtimeSupports(
  runtime: ServingRuntimeSummary,
  format: string,
  version?: string,
): ServingRuntimeFormat | undefined {
  return runtime.formats.find(
    f =>
      f.name.toLowerCase() === format.toLowerCase() &&
      (!f.version ||
        !version ||
        String(version).split('.')[0] === String(f.version).split('.')[0]),
  );
}

/**
 * The runtime KServe-style automatic selection takes for a model format: among the enabled
 * runtimes whose matching format is auto-selectable, namespace runtimes before cluster ones, then
 * the highest priority. Undefined when none qualifies.
 *
 * @public
 */
export function automaticServingRuntime(
  runtimes: ServingRuntimeSummary[],
  format: string,
  version?: string,
): ServingRuntimeSummary | undefined {
  const candidates = runtimes
    .filter(r => !r.disabled)
    .map(r => ({ r, f: runtimeSupports(r, format, version) }))
    .filter(c => c.f?.autoSelect)
    .sort(
      (a, b) =>
        Number(a.r.clusterScoped) - Number(b.r.clusterScoped) ||
        (b.f!.priority ?? 0) - (a.f!.priority ?? 0),
    );
  return candidates[0]?.r;
}

/**
 * Why a runtime cannot serve a model format (it does not exist, is disabled or declares no such
 * format), or undefined when it can.
 *
 * @public
 */
export function servingRuntimeProblem(
  runtimes: ServingRuntimeSummary[],
  name: string,
  format: string,
  version?: string,
): string | undefined {
  const runtime = runtimes.find(r => r.name === name);
  if (!runtime) {
    return `ServingRuntime '${name}' does not exist; available: ${
      runtimes.map(r => r.name).join(', ') || 'none'
    }`;
  }
  if (runtime.disabled || !runtimeSupports(runtime, format, version)) {
    return `ServingRuntime ${name} does not serve ${format}${
      version ? ` ${version}` : ''
    } models`;
  }
  return undefined;
}

/**
 * A runtime that serves the asked model format, as the runtime picker lists it.
 *
 * @public
 */
export interface ServingRuntimeOptionDto {
  name: string;
  /** A ClusterServingRuntime (operator-installed) rather than one in the namespace. */
  clusterScoped: boolean;
  /** Disabled runtimes are listed but cannot be chosen. */
  disabled: boolean;
  /** Automatic selection may take it (its format entry has `autoSelect`). */
  autoSelect: boolean;
  priority?: number;
  /** The format version it declares for the format. */
  formatVersion?: string;
}

/**
 * The runtimes usable in a namespace for a model format, and the one automatic selection (the
 * deploy action without a runtime) would take.
 *
 * @public
 */
export interface ServingRuntimesDto {
  format: string;
  formatVersion?: string;
  /** The runtime the deploy action picks when none is given; absent when none qualifies. */
  automatic?: string;
  /** Namespace runtimes first, then cluster ones; each by name. */
  runtimes: ServingRuntimeOptionDto[];
}

/**
 * The picker's view of the runtimes for a model format.
 *
 * @public
 */
export function servingRuntimeOptions(
  runtimes: ServingRuntimeSummary[],
  format: string,
  formatVersion?: string,
): ServingRuntimesDto {
  const options = runtimes
    .map(r => ({ r, f: runtimeSupports(r, format, formatVersion) }))
    .filter(c => c.f)
    .sort(
      (a, b) =>
        Number(a.r.clusterScoped) - Number(b.r.clusterScoped) ||
        a.r.name.localeCompare(b.r.name),
    )
    .map(({ r, f }) => ({
      name: r.name,
      clusterScoped: r.clusterScoped,
      disabled: r.disabled,
      autoSelect: f!.autoSelect === true,
      ...(f!.priority !== undefined ? { priority: f!.priority } : {}),
      ...(f!.version !== undefined
        ? { formatVersion: String(f!.version) }
        : {}),
    }));
  const automatic = automaticServingRuntime(runtimes, format, formatVersion);
  return {
    format,
    ...(formatVersion ? { formatVersion } : {}),
    ...(automatic ? { automatic: automatic.name } : {}),
    runtimes: options,
  };
}
