/** The fields of a package.json this test reads. */
export interface PackageManifest {
  readonly name: string;
  readonly version: string;
  readonly private: boolean;
  readonly main: string | undefined;
  readonly types: string | undefined;
  readonly dependencies: Readonly<Record<string, string>>;
  readonly peerDependencies: Readonly<Record<string, string>>;
  readonly optionalDependencies: Readonly<Record<string, string>>;
}

function stringRecord(value: unknown, field: string, file: string): Readonly<Record<string, string>> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${file}: "${field}" is not an object`);
  const entries = Object.entries(value);
  for (const [key, range] of entries) {
    if (typeof range !== 'string') throw new Error(`${file}: "${field}.${key}" is not a string`);
  }
  return Object.fromEntries(entries) as Record<string, string>;
}

/** Reads the fields above from parsed package.json text; `file` names it in errors. */
export function parsePackageManifest(text: string, file: string): PackageManifest {
  const json: unknown = JSON.parse(text);
  if (typeof json !== 'object' || json === null) throw new Error(`${file} is not a JSON object`);
  const record = json as Readonly<Record<string, unknown>>;
  const { name, version } = record;
  if (typeof name !== 'string' || typeof version !== 'string') throw new Error(`${file} has no string "name" and "version"`);
  return {
    name,
    version,
    private: record['private'] === true,
    main: typeof record['main'] === 'string' ? record['main'] : undefined,
    types: typeof record['types'] === 'string' ? record['types'] : undefined,
    dependencies: stringRecord(record['dependencies'], 'dependencies', file),
    peerDependencies: stringRecord(record['peerDependencies'], 'peerDependencies', file),
    optionalDependencies: stringRecord(record['optionalDependencies'], 'optionalDependencies', file),
  };
}

/** Every package a consumer's install brings along with this one. */
export function declaredDependencies(manifest: PackageManifest): ReadonlySet<string> {
  return new Set([
    ...Object.keys(manifest.dependencies),
    ...Object.keys(manifest.peerDependencies),
    ...Object.keys(manifest.optionalDependencies),
  ]);
}
