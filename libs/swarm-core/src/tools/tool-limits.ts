/**
 * Bounds on one request's tools, enforced by the API layer before anything is generated: each
 * tool is documented in the prompt and compiled into a grammar, both linear in their size.
 */
export const MAX_TOOLS = 128;

/** Most bytes of all tools' parameter schemas together, as JSON text (UTF-8). */
export const MAX_TOOL_SCHEMA_BYTES = 64 * 1024;
