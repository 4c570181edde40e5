import type { ToolRequestDto } from './tool-request.dto';

/**
 * Why validated tools still cannot be offered (the field and why), or null: two tools of one name
 * would make a call ambiguous, and a named choice must name an offered tool.
 */
export function toolRequestProblem(tools: ToolRequestDto): { readonly param: string; readonly message: string } | null {
  const names = new Set<string>();
  for (const [index, tool] of tools.tools.entries()) {
    if (names.has(tool.name)) return { param: `tools.tools[${index}].name`, message: `'${tool.name}' is offered twice` };
    names.add(tool.name);
  }
  if (typeof tools.choice !== 'string' && !names.has(tools.choice.name)) {
    return { param: 'tools.choice.name', message: `'${tools.choice.name}' is not one of the offered tools` };
  }
  return null;
}
