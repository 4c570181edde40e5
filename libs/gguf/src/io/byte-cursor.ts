import { GgufError, GgufErrorCode } from '../format/gguf-error';

/** Thrown when a read runs past the bytes loaded so far but not past the file: load more, parse again. */
export class NeedMoreBytes extends Error {
  override readonly name = 'NeedMoreBytes';
}

/**
 * Little-endian reads over a prefix of a file. Every read names what it reads, so that a file
 * that ends too early is reported as the field it cut off, not as an offset alone.
 */
export class ByteCursor {
  private position = 0;

  constructor(
    private readonly bytes: Buffer,
    private readonly fileSize: number,
  ) {}

  get offset(): number {
    return this.position;
  }

  private take(length: number, what: string): number {
    const start = this.position;
    const end = start + length;
    if (end > this.fileSize) {
      throw new GgufError(
        GgufErrorCode.TRUNCATED,
        `truncated GGUF: the file ends at byte ${this.fileSize}, inside ${what} (bytes ${start}..${end})`,
      );
    }
    if (end > this.bytes.length) throw new NeedMoreBytes(what);
    this.position = end;
    return start;
  }

  u8(what: string): number {
    return this.bytes.readUInt8(this.take(1, what));
  }

  i8(what: string): number {
    return this.bytes.readInt8(this.take(1, what));
  }

  u16(what: string): number {
    return this.bytes.readUInt16LE(this.take(2, what));
  }

  i16(what: string): number {
    return this.bytes.readInt16LE(this.take(2, what));
  }

  u32(what: string): number {
    return this.bytes.readUInt32LE(this.take(4, what));
  }

  i32(what: string): number {
    return this.bytes.readInt32LE(this.take(4, what));
  }

  f32(what: string): number {
    return this.bytes.readFloatLE(this.take(4, what));
  }

  f64(what: string): number {
    return this.bytes.readDoubleLE(this.take(8, what));
  }

  u64(what: string): bigint {
    return this.bytes.readBigUInt64LE(this.take(8, what));
  }

  i64(what: string): bigint {
    return this.bytes.readBigInt64LE(this.take(8, what));
  }

  /** A u64 that counts or places something in this file, so it must fit a JavaScript number. */
  size(what: string): number {
    const value = this.u64(what);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new GgufError(GgufErrorCode.INVALID, `${what} is ${value}, larger than any file this library can hold`);
    }
    return Number(value);
  }

  /** A GGUF string: a u64 byte length, then UTF-8 without a terminator. */
  string(what: string): string {
    const length = this.size(`the length of ${what}`);
    const start = this.take(length, what);
    return this.bytes.toString('utf8', start, start + length);
  }

  ascii(length: number, what: string): string {
    const start = this.take(length, what);
    return this.bytes.toString('latin1', start, start + length);
  }
}
