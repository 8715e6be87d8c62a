/**
 * The layers of the engine, as rules on its imports (dependency-cruiser; docs/architecture.md).
 *
 * From the ground up; each layer imports only the layers below it (and its own):
 *
 *   foundations  src/money, src/period, src/canonical.ts, src/rulebook, src/household, src/paths.ts,
 *                src/version.ts: money, months, the rules and the input; no law
 *   data         src/trace, src/context.ts, src/output: the trace, the context and the decision's
 *                shared output types as data; sentences as message keys and arguments, no text
 *   concepts     src/norm, src/costs, src/income, src/agency, src/assets, src/childImpact,
 *                src/activity, src/medical, src/conditions, src/labourMarket, src/shares: one folder per
 *                legal concept, computing data
 *   decision     src/decision, src/index.ts: the proposal, in the law's order, made of the concepts
 *   views        src/explain: Swedish and English texts, the decision as calculate --json prints it,
 *                the letter; rendered from the data
 *   runs         src/batch, src/monthly, src/compare, src/store, src/casework, src/statistics: batch, monthly, compare, the store, the workday, the official statistics
 *   faces        src/web, src/cli, src/cli.ts: the pages, the API, the commands
 *
 * And no import cycle anywhere in src/. `import type` counts like any import: a type is a
 * dependency too. The check runs in `npm test` (test/architecture/layers.test.ts), which also proves
 * that it fails on a concept importing a view and on a cycle; `npx depcruise src` runs it by hand.
 */
const LAYERS = {
  foundations: '^src/(money|period|rulebook|household)/|^src/(canonical|paths|version)\\.ts$',
  data: '^src/(trace|output)/|^src/context\\.ts$',
  concepts: '^src/(norm|costs|income|agency|assets|childImpact|activity|medical|conditions|labourMarket|shares)/',
  decision: '^src/decision/|^src/index\\.ts$',
  views: '^src/explain/',
  runs: '^src/(batch|monthly|compare|store|casework|statistics)/',
  faces: '^src/(web|cli)/|^src/cli\\.ts$',
};

const ORDER = ['foundations', 'data', 'concepts', 'decision', 'views', 'runs', 'faces'];

/** One rule per layer: nothing in it imports a layer above it. */
const upward = ORDER.slice(0, -1).map((layer, i) => ({
  name: `${layer}-imports-only-below`,
  comment: `${layer} (${LAYERS[layer]}) must not import ${ORDER.slice(i + 1).join(', ')}: each layer imports only the layers below it (docs/architecture.md)`,
  severity: 'error',
  from: { path: LAYERS[layer] },
  to: { path: ORDER.slice(i + 1).map((above) => LAYERS[above]) },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import cycle ties the modules in it into one: no module may reach itself through its imports.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    ...upward,
    {
      name: 'every-module-has-a-layer',
      comment: 'A module outside every layer escapes the rules above: give it a layer here and in docs/architecture.md.',
      severity: 'error',
      from: { path: '^src/', pathNot: Object.values(LAYERS) },
      to: {},
    },
  ],
  options: {
    includeOnly: '^src/',
    doNotFollow: { path: 'node_modules' },
    // The sources are parsed by swc, which keeps `import type` (TypeScript 7 has no compiler API for the cruiser).
    parser: 'swc',
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs', '.d.ts'] },
    // src/web/app/ is the workday pages' browser bundle (TSX, Preact): the cruiser's swc parser reads
    // TypeScript without JSX, so it is left out. It imports only itself, preact and the page's format.js
    // (no engine code: it talks to the API), and its own tsconfig typechecks it (npm run typecheck).
    exclude: { path: '\\.d\\.ts$|^src/web/app/' },
  },
};
