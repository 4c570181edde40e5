// Entry point: replaced by the bench runner.
export {};
