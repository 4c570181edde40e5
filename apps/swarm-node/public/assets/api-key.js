// The node's API key, when it has one. Asked for once, when a data route answers 401, and kept in
// sessionStorage: this tab only, gone when it closes. It travels only in the Authorization header,
// never in a URL (URLs end up in logs and history), and the page never logs it.

const STORAGE_NAME = 'local-swarm.api-key';

/** How the page asks the user; app.js sets the dialog. Resolves the key, or null when declined. */
let askUser = async () => null;
/** The one question on screen: requests refused meanwhile wait for its answer instead of asking again. */
let pending = null;

export function setKeyPrompt(ask) {
  askUser = ask;
}

export function storedKey() {
  return sessionStorage.getItem(STORAGE_NAME);
}

/** The header that carries `key`; none without a key. */
export function authorizationFor(key) {
  return key === null ? {} : { authorization: `Bearer ${key}` };
}

/**
 * After a 401 to a request sent with `refusedKey` (null: none): whether a new key is there to
 * retry with. When another request has stored one since, that one is used without asking.
 */
export function renewKey(refusedKey) {
  const current = storedKey();
  if (current !== null && current !== refusedKey) return Promise.resolve(true);
  pending ??= (async () => {
    sessionStorage.removeItem(STORAGE_NAME);
    const answer = await askUser();
    const key = typeof answer === 'string' ? answer.trim() : '';
    if (key === '') return false;
    sessionStorage.setItem(STORAGE_NAME, key);
    return true;
  })().finally(() => {
    pending = null;
  });
  return pending;
}
