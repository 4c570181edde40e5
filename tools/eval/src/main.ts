// Entry point: replaced by the eval runner.
export {};
