#!/usr/bin/env node
/**
 * Compiles the TypeScript sources into dist/ with esbuild (run by `npm install` through `prepare`, or
 * `npm run build`), and the workday pages into dist/web/workday.js (below). Four entry points for Node: dist/cli.js (the `bistand` command), dist/batch-worker.js
 * (a batch worker thread), and the chunk processors the workers load for compare and monthly
 * (dist/<name>-processor.js from src/<name>/processor.ts, the names src/batch/processor.ts resolves). Code splitting keeps each command in its own chunk, so `calculate` never
 * loads the web server or SQLite. Packages with native code or CommonJS internals stay in
 * node_modules; the small ESM libraries (zod, date-fns, hono) are bundled so start-up reads a handful
 * of files instead of hundreds.
 *
 * Every chunk lands directly in dist/, one folder below the project root, like the sources in src/:
 * src/paths.ts finds rules/, fixtures/ and the page's files from either place.
 */
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));

/**
 * zod re-exports every locale it ships (`z.locales`, about 360 KB of the bundle); the engine uses
 * only zod's default, English, which zod imports on its own. Leaving the others out of the bundle
 * saves compiling them at every start (main thread and each batch worker).
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'zod-english-only', pluginData: args.resolveDir } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, (args) => ({
      contents: 'export { default as en } from "../locales/en.js";',
      resolveDir: args.pluginData,
      loader: 'js',
    }));
  },
};
/** Commands built on the batch with their own chunk processor (src/batch/processor.ts, processorModule). */
const PROCESSORS = ['compare', 'monthly'];

rmSync(`${root}dist`, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli.ts', 'batch-worker': 'src/batch/worker.ts', ...Object.fromEntries(PROCESSORS.map((name) => [`${name}-processor`, `src/${name}/processor.ts`])) },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Native or self-locating packages stay in node_modules: better-sqlite3's binding, and the browser
  // (playwright-core finds its own files; @sparticuz/chromium unpacks the Chromium it carries) for `letter --out x.pdf`.
  external: ['better-sqlite3', '@hono/node-server', 'playwright-core', '@sparticuz/chromium'],
  chunkNames: 'chunk-[hash]',
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [zodEnglishOnly],
});

/**
 * The caseworker's workday pages (issue 22): src/web/app/main.tsx, its views as Preact components over
 * one state store, bundled for the browser into dist/web/workday.js, which the server serves as
 * /assets/workday.js (src/web/app.ts). No CDN: the page loads only its own files (CSP script-src 'self').
 */
await build({
  absWorkingDir: root,
  // and the unit's statistics page (issue 25): src/web/app/statistics.ts into dist/web/statistik.js.
  entryPoints: { workday: 'src/web/app/main.tsx', statistik: 'src/web/app/statistics.ts' },
  outdir: 'dist/web',
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});
