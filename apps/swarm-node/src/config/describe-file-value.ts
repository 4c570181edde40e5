/** How a config file value is shown in an error: its type, then the value when short. */
export function describeFileValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return `the string ${JSON.stringify(value)}`;
    case 'number':
      return `the number ${String(value)}`;
    case 'boolean':
      return `the boolean ${String(value)}`;
    case 'object':
      return 'a mapping';
    default:
      return `a ${typeof value}`;
  }
}

/** "the number 5 at index 1" for the first bad item of a list; the value itself when not a list. */
export function describeBadItem(value: unknown, isGood: (item: unknown) => boolean): string {
  if (!Array.isArray(value)) return describeFileValue(value);
  const index = value.findIndex((item) => !isGood(item));
  return index < 0 ? describeFileValue(value) : `${describeFileValue(value[index])} at index ${index}`;
}
