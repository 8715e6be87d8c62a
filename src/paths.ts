/**
 * Where the project's data folders are, from the sources (src/paths.ts) and from the compiled build
 * (dist/*.js, see scripts/build.mjs) alike: both sit one folder below the project root.
 */
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));

/** A path inside the project, e.g. projectPath('rules'). */
export function projectPath(relative: string): string {
  return `${PROJECT_ROOT}${relative}`;
}
