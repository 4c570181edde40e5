/**
 * A client's base URL, without trailing slash. A malformed one, or one of a scheme the client
 * does not speak (`protocols`, e.g. `['http:']`), is a programmer error (the registry builds them
 * from parsed addresses), so it throws.
 */
export function checkBaseUrl(baseUrl: string, who: string, protocols: readonly string[]): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TypeError(`${who}: baseUrl ${JSON.stringify(baseUrl)} is not a URL`);
  }
  if (!protocols.includes(url.protocol)) {
    const allowed = protocols.map((protocol) => `${protocol}//`).join(' or ');
    throw new TypeError(`${who}: baseUrl must be ${allowed}, got ${JSON.stringify(baseUrl)}`);
  }
  return baseUrl.replace(/\/+$/, '');
}
