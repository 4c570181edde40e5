import { GgufError, GgufErrorCode } from '../format/gguf-error';
import { GGUF_MAGIC, type GgufHeader } from '../format/gguf-header';
import { GGUF_VALUE_TYPE_CODES, type GgufValue, type GgufValueType } from '../format/gguf-value';
import { ByteWriter } from './byte-writer';

function typeCode(type: GgufValueType): number {
  return GGUF_VALUE_TYPE_CODES.indexOf(type);
}

function writeValue(out: ByteWriter, value: GgufValue, key: string): void {
  switch (value.type) {
    case 'uint8': return out.u8(value.value);
    case 'int8': return out.i8(value.value);
    case 'uint16': return out.u16(value.value);
    case 'int16': return out.i16(value.value);
    case 'uint32': return out.u32(value.value);
    case 'int32': return out.i32(value.value);
    case 'float32': return out.f32(value.value);
    case 'float64': return out.f64(value.value);
    case 'uint64': return out.u64(value.value);
    case 'int64': return out.i64(value.value);
    case 'bool': return out.u8(value.value ? 1 : 0);
    case 'string': return out.string(value.value);
    case 'array':
      out.u32(typeCode(value.itemType));
      out.u64(value.items.length);
      for (const item of value.items) {
        if (item.type !== value.itemType) {
          throw new GgufError(GgufErrorCode.INVALID, `metadata ${key}: an array of ${value.itemType} holds a ${item.type}`);
        }
        writeValue(out, item, key);
      }
  }
}

/**
 * The bytes before the tensor data: header, metadata in the given order, tensor infos with their
 * offsets, and zeros up to the alignment, where the data starts.
 */
export function serializeGgufHeader(header: Omit<GgufHeader, 'dataOffset'>): Buffer {
  const out = new ByteWriter();
  out.ascii(GGUF_MAGIC);
  out.u32(header.version);
  out.u64(header.tensors.length);
  out.u64(header.metadata.length);
  for (const { key, value } of header.metadata) {
    out.string(key);
    out.u32(typeCode(value.type));
    writeValue(out, value, key);
  }
  for (const tensor of header.tensors) {
    out.string(tensor.name);
    out.u32(tensor.dims.length);
    for (const dim of tensor.dims) out.u64(dim);
    out.u32(tensor.type);
    out.u64(tensor.offset);
  }
  out.padTo(header.alignment);
  return out.toBuffer();
}
