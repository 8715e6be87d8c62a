/**
 * The layers of the engine hold (.dependency-cruiser.cjs, docs/architecture.md): no module imports a
 * layer above its own and no import cycle, `import type` included. And the check is no test that
 * cannot fail: on a small tree that breaks the rules it reports each break.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cruise, type ICruiseOptions, type IForbiddenRuleType, type IViolation } from 'dependency-cruiser';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/engine.ts';

const config = createRequire(import.meta.url)(`${ROOT}.dependency-cruiser.cjs`) as { forbidden: IForbiddenRuleType[]; options: ICruiseOptions };

async function violations(baseDir: string): Promise<IViolation[]> {
  const result = await cruise(['src'], { ...config.options, baseDir, validate: true, ruleSet: { forbidden: config.forbidden } });
  if (typeof result.output === 'string') throw new Error('expected the cruise result as data');
  return [...result.output.summary.violations];
}

const describeViolation = (v: IViolation) => `${v.rule.name}: ${v.from} → ${v.to}${v.cycle ? ` (${v.cycle.map((c) => c.name).join(' → ')})` : ''}`;

describe('the layers of src/', () => {
  it('hold: no import crosses a layer upwards, and there is no cycle', async () => {
    expect((await violations(ROOT)).map(describeViolation)).toEqual([]);
  }, 60_000);

  const tree = mkdtempSync(join(tmpdir(), 'layers-'));
  afterAll(() => rmSync(tree, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(tree, path)), { recursive: true });
    writeFileSync(join(tree, path), text);
  };

  it('the check fails on a concept importing a view, the trace importing a view, a cycle, and a module without a layer', async () => {
    write('src/explain/messages.ts', "export const sv = { greeting: 'hej' };\n");
    write('src/norm/index.ts', "import type { sv } from '../explain/messages.ts';\nexport type Catalogue = typeof sv;\n");
    write('src/trace/index.ts', "import { sv } from '../explain/messages.ts';\nexport const text = sv.greeting;\n");
    write('src/income/index.ts', "import { agency } from '../agency/index.ts';\nexport const income = () => agency();\n");
    write('src/agency/index.ts', "import type { income } from '../income/index.ts';\nexport const agency = (): ReturnType<typeof income> | 0 => 0;\n");
    write('src/elsewhere.ts', "import { text } from './trace/index.ts';\nexport const again = text;\n");
    const found = (await violations(tree)).map(describeViolation);
    expect(found).toEqual(
      expect.arrayContaining([
        'concepts-imports-only-below: src/norm/index.ts → src/explain/messages.ts',
        'data-imports-only-below: src/trace/index.ts → src/explain/messages.ts',
        expect.stringMatching(/^no-circular: src\/(agency|income)\/index\.ts → src\/(income|agency)\/index\.ts/),
        'every-module-has-a-layer: src/elsewhere.ts → src/trace/index.ts',
      ]),
    );
  }, 60_000);
});
