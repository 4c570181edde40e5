import { loadNodeLlamaCpp } from '../engine/node-llama-cpp';
import type { SwarmSizingInput } from './choose-swarm-size';

/**
 * Reads a GGUF file's header (not its weights) and returns the memory figures `--auto` sizing
 * needs, from node-llama-cpp's GgufInsights (the same estimates llama.cpp's allocator follows).
 */
export async function estimateModelMemory(
  modelPath: string,
): Promise<Pick<SwarmSizingInput, 'modelBytes' | 'estimateContextBytes'>> {
  const lib = await loadNodeLlamaCpp();
  const fileInfo = await lib.readGgufFileInfo(modelPath);
  const insights = await lib.GgufInsights.from(fileInfo);
  const modelBytes = insights.estimateModelResourceRequirements({ gpuLayers: 0 }).cpuRam;
  return {
    modelBytes,
    estimateContextBytes: (sequences, contextSize) =>
      insights.estimateContextResourceRequirements({ contextSize, sequences, modelGpuLayers: 0 }).cpuRam,
  };
}
