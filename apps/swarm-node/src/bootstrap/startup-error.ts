/** A start-up problem the user can fix (bad flag value, missing model, unusable address): exit code 2. */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}
