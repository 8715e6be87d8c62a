// Worker threads start here: Node 20 does not apply the parent's tsx loader to workers, so this plain
// ES module registers tsx in the worker and then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
