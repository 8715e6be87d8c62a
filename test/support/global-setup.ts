/**
 * Runs once before the test files: compiles the sources into dist/ (what `npm install` does through
 * `prepare`), so the tests that start a real process run the command users run, built from the
 * sources as they are now.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  execFileSync(process.execPath, [fileURLToPath(new URL('../../scripts/build.mjs', import.meta.url))], { stdio: 'inherit' });
}
