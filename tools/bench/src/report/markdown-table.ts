import type { BenchTable } from '@local-swarm/bench-kit';

/** A GitHub-flavoured markdown table; numbers right-aligned, pipes and newlines in cells escaped. */
export function renderMarkdownTable(table: BenchTable): string {
  const numeric = table.columns.map((_, column) => table.rows.length > 0 && table.rows.every((row) => typeof row[column] === 'number'));
  const header = `| ${table.columns.map(escapeCell).join(' | ')} |`;
  const rule = `|${numeric.map((isNumber) => (isNumber ? ' ---: ' : ' --- ')).join('|')}|`;
  const rows = table.rows.map((row) => `| ${table.columns.map((_, column) => escapeCell(String(row[column] ?? ''))).join(' | ')} |`);
  return [header, rule, ...rows].join('\n');
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
