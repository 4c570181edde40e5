import { basename } from 'node:path';
import type { LlamaModel } from '../engine/llama-types';
import { silentLogger } from '../logger/logger';
import type { SwarmOptions } from '../swarm/swarm';
import { EmbeddingService } from './embedding-service';
import { LlamaEmbeddingEngine } from './llama-embedding-engine';

/**
 * The swarm's embedding service: over the model named for embeddings (one that cannot load is an
 * error, as the chat model's is), else over the swarm's own model. A chat model that cannot embed
 * (encoder-decoder) leaves the node without embeddings rather than without chat.
 */
export async function startEmbeddings(
  swarmModel: LlamaModel,
  options: Pick<SwarmOptions, 'embeddingModel' | 'contextSize' | 'threads' | 'maxQueue' | 'logger'>,
): Promise<EmbeddingService | null> {
  const engineOptions = { contextSize: options.contextSize, threads: options.threads };
  if (options.embeddingModel !== undefined && options.embeddingModel !== null) {
    const engine = await LlamaEmbeddingEngine.load(options.embeddingModel, engineOptions);
    return new EmbeddingService(engine, options.maxQueue, modelIdOf(options.embeddingModel));
  }
  try {
    return new EmbeddingService(await LlamaEmbeddingEngine.onModel(swarmModel, engineOptions), options.maxQueue);
  } catch (error) {
    (options.logger ?? silentLogger).warn('no embeddings: the model cannot compute them', { error: error instanceof Error ? error.message : String(error) });
    return null;
  }
}

/** What clients see as the embedding model: the file's name without `.gguf`, or the `hf:` URI's path. */
function modelIdOf(modelPath: string): string {
  return modelPath.startsWith('hf:') ? modelPath.slice('hf:'.length) : basename(modelPath).replace(/\.gguf$/i, '');
}
