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
 *
 * With BISTAND_WORKERS_FROM_DIST=1 the sources load the compiled modules too. The test suite sets it
 * (vitest.config.ts), right after its global setup compiled dist/ from the same sources: a worker
 * thread started from the sources registers tsx and transpiles the engine again, about a second of
 * CPU per thread, and the suite starts hundreds. test/cli/build.test.ts still runs the sources' own
 * workers once.
 */
export function moduleUrl(source: string, built: string): URL {
  if (!import.meta.url.endsWith('.ts')) return new URL(built, import.meta.url);
  return process.env['BISTAND_WORKERS_FROM_DIST'] === '1' ? new URL(`../dist/${built}`, import.meta.url) : new URL(source, import.meta.url);
}
