import { GgufError, GgufErrorCode } from '../format/gguf-error';
import { alignmentOf } from '../format/alignment-of';
import { alignUp, GGUF_MAGIC, type GgufHeader, type GgufTensorInfo } from '../format/gguf-header';
import { GGUF_VALUE_TYPE_CODES, type GgufMetadataEntry, type GgufValue, type GgufValueType } from '../format/gguf-value';
import { tensorByteSize } from '../format/ggml-type';
import type { ByteCursor } from './byte-cursor';

/** Versions 2 and 3 share one layout (3 allows big-endian files too, whose version then reads as a huge number). */
const SUPPORTED_VERSIONS = [2, 3];

function valueType(cursor: ByteCursor, what: string): GgufValueType {
  const code = cursor.u32(`the value type of ${what}`);
  const type = GGUF_VALUE_TYPE_CODES[code];
  if (type === undefined) throw new GgufError(GgufErrorCode.UNSUPPORTED, `${what} has value type ${code}, unknown to GGUF`);
  return type;
}

function readValue(cursor: ByteCursor, type: GgufValueType, what: string): GgufValue {
  switch (type) {
    case 'uint8': return { type, value: cursor.u8(what) };
    case 'int8': return { type, value: cursor.i8(what) };
    case 'uint16': return { type, value: cursor.u16(what) };
    case 'int16': return { type, value: cursor.i16(what) };
    case 'uint32': return { type, value: cursor.u32(what) };
    case 'int32': return { type, value: cursor.i32(what) };
    case 'float32': return { type, value: cursor.f32(what) };
    case 'float64': return { type, value: cursor.f64(what) };
    case 'uint64': return { type, value: cursor.u64(what) };
    case 'int64': return { type, value: cursor.i64(what) };
    case 'bool': return { type, value: cursor.u8(what) !== 0 };
    case 'string': return { type, value: cursor.string(what) };
    case 'array': {
      const itemType = valueType(cursor, `the items of ${what}`);
      const count = cursor.size(`the item count of ${what}`);
      const items: GgufValue[] = [];
      for (let i = 0; i < count; i++) items.push(readValue(cursor, itemType, `item ${i} of ${what}`));
      return { type, itemType, items };
    }
  }
}

function readTensorInfo(cursor: ByteCursor, index: number): Omit<GgufTensorInfo, 'byteSize'> {
  const name = cursor.string(`the name of tensor info ${index}`);
  const what = `tensor info ${index} (${name})`;
  const dimCount = cursor.u32(`the dimension count of ${what}`);
  const dims: number[] = [];
  for (let d = 0; d < dimCount; d++) dims.push(cursor.size(`dimension ${d} of ${what}`));
  const type = cursor.u32(`the ggml type of ${what}`);
  const offset = cursor.size(`the data offset of ${what}`);
  return { name, dims, type, offset };
}

/** Parses everything before the tensor data; reads past the cursor's bytes surface as {@link NeedMoreBytes}. */
export function parseGgufHeader(cursor: ByteCursor): GgufHeader {
  const magic = cursor.ascii(4, 'the magic');
  if (magic !== GGUF_MAGIC) {
    throw new GgufError(GgufErrorCode.BAD_MAGIC, `not a GGUF file: it starts with ${JSON.stringify(magic)}, not "GGUF"`);
  }
  const version = cursor.u32('the version');
  if (!SUPPORTED_VERSIONS.includes(version)) {
    throw new GgufError(GgufErrorCode.UNSUPPORTED, `GGUF version ${version}; this library reads versions ${SUPPORTED_VERSIONS.join(' and ')}`);
  }
  const tensorCount = cursor.size('the tensor count');
  const metadataCount = cursor.size('the metadata count');
  const metadata: GgufMetadataEntry[] = [];
  for (let i = 0; i < metadataCount; i++) {
    const key = cursor.string(`metadata key ${i}`);
    const what = `metadata value ${key}`;
    metadata.push({ key, value: readValue(cursor, valueType(cursor, what), what) });
  }
  const infos = [];
  for (let i = 0; i < tensorCount; i++) infos.push(readTensorInfo(cursor, i));
  const alignment = alignmentOf(metadata);
  const tensors = infos.map((info) => ({ ...info, byteSize: tensorByteSize(info.name, info.type, info.dims) }));
  return { version, metadata, tensors, alignment, dataOffset: alignUp(cursor.offset, alignment) };
}
