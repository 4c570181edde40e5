/** Little-endian writes into a buffer that grows as needed: the header of a GGUF being written. */
export class ByteWriter {
  private bytes = Buffer.alloc(64 * 1024);
  private length = 0;

  /** Grows the buffer first: callers must take `this.bytes` only after this returns. */
  private reserve(count: number): number {
    const start = this.length;
    if (start + count > this.bytes.length) {
      const grown = Buffer.alloc(Math.max(this.bytes.length * 2, start + count));
      this.bytes.copy(grown, 0, 0, start);
      this.bytes = grown;
    }
    this.length += count;
    return start;
  }

  u8(value: number): void {
    const at = this.reserve(1);
    this.bytes.writeUInt8(value, at);
  }

  i8(value: number): void {
    const at = this.reserve(1);
    this.bytes.writeInt8(value, at);
  }

  u16(value: number): void {
    const at = this.reserve(2);
    this.bytes.writeUInt16LE(value, at);
  }

  i16(value: number): void {
    const at = this.reserve(2);
    this.bytes.writeInt16LE(value, at);
  }

  u32(value: number): void {
    const at = this.reserve(4);
    this.bytes.writeUInt32LE(value, at);
  }

  i32(value: number): void {
    const at = this.reserve(4);
    this.bytes.writeInt32LE(value, at);
  }

  f32(value: number): void {
    const at = this.reserve(4);
    this.bytes.writeFloatLE(value, at);
  }

  f64(value: number): void {
    const at = this.reserve(8);
    this.bytes.writeDoubleLE(value, at);
  }

  u64(value: bigint | number): void {
    const at = this.reserve(8);
    this.bytes.writeBigUInt64LE(BigInt(value), at);
  }

  i64(value: bigint): void {
    const at = this.reserve(8);
    this.bytes.writeBigInt64LE(value, at);
  }

  /** A GGUF string: a u64 byte length, then UTF-8 without a terminator. */
  string(value: string): void {
    const length = Buffer.byteLength(value, 'utf8');
    this.u64(length);
    const at = this.reserve(length);
    this.bytes.write(value, at, length, 'utf8');
  }

  ascii(value: string): void {
    const at = this.reserve(value.length);
    this.bytes.write(value, at, value.length, 'latin1');
  }

  /** Zeros up to the next multiple of `alignment`. */
  padTo(alignment: number): void {
    const padding = (alignment - (this.length % alignment)) % alignment;
    this.reserve(padding);
  }

  toBuffer(): Buffer {
    return this.bytes.subarray(0, this.length);
  }
}
