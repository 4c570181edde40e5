/** Progress sink: one human-readable line per call. The CLI writes these to stderr. */
export type Log = (line: string) => void;

/** A log that drops everything (tests, `--quiet`). */
export const silentLog: Log = () => undefined;
