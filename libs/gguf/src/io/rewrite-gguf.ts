import { open } from 'node:fs/promises';
import type { GgufHeader, GgufTensorInfo } from '../format/gguf-header';
import type { GgufMetadataEntry } from '../format/gguf-value';
import { layOutGguf } from './lay-out-gguf';
import { readGgufHeader } from './read-gguf-header';
import { readTensorData } from './read-tensor-data';
import { writeTensors } from './write-tensors';

/** What a rewrite changes; whatever it leaves out is copied as it was. */
export interface GgufRewrite {
  /** The output's metadata, in the order to write it. */
  readonly metadata?: (entries: readonly GgufMetadataEntry[]) => readonly GgufMetadataEntry[];
  /** The ggml type a tensor gets in the output. */
  readonly tensorType?: (tensor: GgufTensorInfo) => number;
  /** The output data of a tensor whose type changed; it must have exactly the new type's size. */
  readonly convert?: (tensor: GgufTensorInfo, data: Buffer, outputType: number) => Uint8Array;
}

/**
 * Copies a GGUF tensor by tensor into `outputPath` (overwritten), re-laid with the alignment
 * padding. Only one input tensor and its converted form are in memory at a time. Returns the
 * output's header.
 */
export async function rewriteGguf(inputPath: string, outputPath: string, rewrite: GgufRewrite): Promise<GgufHeader> {
  const input = await open(inputPath, 'r');
  try {
    const source = await readGgufHeader(input);
    const metadata = rewrite.metadata?.(source.metadata) ?? source.metadata;
    const plans = source.tensors.map((tensor) => ({ name: tensor.name, dims: tensor.dims, type: rewrite.tensorType?.(tensor) ?? tensor.type }));
    const layout = layOutGguf(source.version, metadata, plans);
    const output = await open(outputPath, 'w');
    try {
      await writeTensors(output, layout, async (planned, index) => {
        const tensor = source.tensors[index] ?? planned;
        const data = await readTensorData(input, source, tensor);
        if (planned.type === tensor.type || rewrite.convert === undefined) return data;
        return rewrite.convert(tensor, data, planned.type);
      });
    } finally {
      await output.close();
    }
    return layout.header;
  } finally {
    await input.close();
  }
}
