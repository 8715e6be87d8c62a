/** The engine's version, recorded in every decision (from package.json). */
import pkg from '../package.json' with { type: 'json' };

export const ENGINE_VERSION: string = pkg.version;
