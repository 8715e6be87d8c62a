/**
 * Field-by-field difference of two JSON values (issue 4, replay): every path where the recorded
 * decision and the recomputed one differ, with both values. Nothing is tolerated: a changed text,
 * an extra trace step or another engine version is a difference.
 */

export interface Difference {
  /** "payable", "trace[3].text", "norm.members[0].amount" */
  readonly path: string;
  /** The recorded value; absent when the field is new. */
  readonly recorded?: unknown;
  /** The recomputed value; absent when the field is gone. */
  readonly recomputed?: unknown;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function join(path: string, key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? (path === '' ? key : `${path}.${key}`) : `${path}[${JSON.stringify(key)}]`;
}

/** The differences between two JSON values (as parsed from JSON: no undefined, no functions), in path order. */
export function diffJson(recorded: unknown, recomputed: unknown, path = ''): Difference[] {
  const out: Difference[] = [];
  walk(recorded, recomputed, path, out);
  return out;
}

function walk(a: unknown, b: unknown, path: string, out: Difference[]): void {
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const p = `${path}[${i}]`;
      if (i >= a.length) out.push({ path: p, recomputed: b[i] });
      else if (i >= b.length) out.push({ path: p, recorded: a[i] });
      else walk(a[i], b[i], p, out);
    }
    return;
  }
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const key of keys) {
      const p = join(path, key);
      const inA = Object.prototype.hasOwnProperty.call(a, key);
      const inB = Object.prototype.hasOwnProperty.call(b, key);
      if (!inB) out.push({ path: p, recorded: a[key] });
      else if (!inA) out.push({ path: p, recomputed: b[key] });
      else walk(a[key], b[key], p, out);
    }
    return;
  }
  if (a !== b) out.push({ path: path === '' ? '(root)' : path, recorded: a, recomputed: b });
}
