/**
 * A client's base URL, without trailing slash. A malformed one is a programmer error (the
 * registry builds them from parsed addresses), so it throws.
 */
export function checkBaseUrl(baseUrl: string, who: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TypeError(`${who}: baseUrl ${JSON.stringify(baseUrl)} is not a URL`);
  }
  if (url.protocol !== 'http:') throw new TypeError(`${who}: baseUrl must be http://, got ${JSON.stringify(baseUrl)}`);
  return baseUrl.replace(/\/+$/, '');
}
