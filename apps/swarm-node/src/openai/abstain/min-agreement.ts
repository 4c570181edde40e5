import { OpenAiHttpError } from '../../http/openai-error';

/** A header value longer than this is not a number anyone meant to send. */
const MAX_HEADER_CHARS = 32;

/**
 * The request's `min_agreement` (already checked by the body's validation), else the
 * `x-swarm-min-agreement` header's, else none. A header that is not a number in [0, 1] is a 400
 * naming the header, as `x-swarm-strategy` does.
 */
export function resolveMinAgreement(fromBody: number | undefined, fromHeader: string | undefined): number | null {
  if (fromBody !== undefined) return fromBody;
  if (fromHeader === undefined || fromHeader === '') return null;
  const trimmed = fromHeader.trim();
  const value = trimmed.length <= MAX_HEADER_CHARS && /^[0-9.eE+-]+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (Number.isFinite(value) && value >= 0 && value <= 1) return value;
  throw OpenAiHttpError.invalidRequest(
    `x-swarm-min-agreement must be a number between 0 and 1; got "${trimmed.slice(0, MAX_HEADER_CHARS)}"`,
    'x-swarm-min-agreement',
    'invalid_min_agreement',
  );
}
