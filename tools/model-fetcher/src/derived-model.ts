import type { FetchableModel } from './models';

/** A GGUF the fetcher makes from another one it fetches, pinned by the sha256 of the result. */
export interface DerivedModel {
  readonly id: string;
  readonly fileName: string;
  /** sha256 of the derived file; the derivation is deterministic, so it is pinned like a download. */
  readonly sha256: string;
  readonly source: FetchableModel;
}

export function isDerivedModel(model: FetchableModel | DerivedModel): model is DerivedModel {
  return 'source' in model;
}
