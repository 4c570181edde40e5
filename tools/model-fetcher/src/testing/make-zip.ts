import { ZipFile } from 'yazl';

export interface TestZipEntry {
  readonly name: string;
  readonly data: Buffer;
  /** Default 'deflate'. */
  readonly method?: 'store' | 'deflate';
}

/** Builds a small zip in memory with yazl, the way a wheel holds its files. */
export async function makeZip(entries: readonly TestZipEntry[], comment = ''): Promise<Buffer> {
  const zip = new ZipFile();
  for (const { name, data, method } of entries) zip.addBuffer(data, name, { compress: method !== 'store' });
  zip.end({ comment, forceZip64Format: false });
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

