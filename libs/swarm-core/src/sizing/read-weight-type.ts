import { loadNodeLlamaCpp } from '../engine/node-llama-cpp';
import { weightTypeName } from './weight-batching';

/** What `--auto` needs to judge how a model file's weights batch (see batchScalingOf). */
export interface WeightTypeInfo {
  /** e.g. "Q4_1"; null when the header names no type judged here. */
  readonly weightType: string | null;
  /** Row length of most weight matrices; null when the header lacks it or it is not a positive integer. */
  readonly embeddingLength: number | null;
}

/**
 * Reads a GGUF file's header (its metadata, not its tensor list nor its weights). The file is
 * untrusted: a value of the wrong kind is reported as unknown, never trusted.
 */
export async function readWeightType(modelPath: string): Promise<WeightTypeInfo> {
  const lib = await loadNodeLlamaCpp();
  const fileInfo = await lib.readGgufFileInfo(modelPath, { readTensorInfo: false, logWarnings: false });
  const embeddingLength: unknown = fileInfo.architectureMetadata.embedding_length;
  return {
    weightType: weightTypeName(fileInfo.metadata.general.file_type),
    embeddingLength: typeof embeddingLength === 'number' && Number.isInteger(embeddingLength) && embeddingLength > 0 ? embeddingLength : null,
  };
}
