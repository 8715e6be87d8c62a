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

/**
 * A module that is loaded by URL (a batch worker's entry, a batch processor): `src/<source>` when
 * running the TypeScript sources (tsx), `dist/<built>` when running the compiled build, whose entry
 * points scripts/build.mjs names.
 */
export function moduleUrl(source: string, built: string): URL {
  return new URL(import.meta.url.endsWith('.ts') ? source : built, import.meta.url);
}
