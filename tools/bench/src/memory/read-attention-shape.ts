import { attentionShapeFromMetadata, type AttentionShape } from './kv-cache-estimate';

type NodeLlamaCpp = typeof import('node-llama-cpp', { with: { 'resolution-mode': 'import' } });

/** The model's attention shape from its GGUF header (no weights loaded), or null if unknown. */
export async function readAttentionShape(modelPath: string): Promise<AttentionShape | null> {
  // ESM-only package: a real dynamic import from this CommonJS build (a static import would compile to require(), which node-llama-cpp's top-level await refuses).
  const lib: NodeLlamaCpp = await import('node-llama-cpp');
  const info = await lib.readGgufFileInfo(modelPath, { readTensorInfo: false });
  return attentionShapeFromMetadata(info.architectureMetadata);
}
