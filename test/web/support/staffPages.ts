/**
 * The workday's pages for one browser test file: a staff server on a store and Chromium, started in
 * beforeAll and closed in afterAll with the file's directory removed. The four browser test files of
 * the workday (queue and payments, the letter, case events, statistics) each wrote these hooks.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { DEFAULT_AUTH } from '../../../src/web/kontaktcenter/routes.ts';
import { startServer, type RunningServer, type ServeOptions } from '../../../src/web/server.ts';
import { TestBrowser } from '../../support/browser.ts';

/** What a file's server needs beyond a local port and the staff login on its store: at least the rulebook and the store. */
export type StaffServerOptions = Omit<ServeOptions, 'port' | 'host' | 'staff'> & { readonly storePath: string };

export interface StaffPages {
  readonly chromium: TestBrowser;
  /** The running server (set once beforeAll has run). */
  readonly server: RunningServer;
}

/**
 * Registers the hooks: `setUp` (in beforeAll, within `timeoutMs`) makes the file's store in `dir` and
 * gives the server's options; the server signs staff in with DEFAULT_AUTH on that store.
 */
export function staffPages(dir: string, setUp: () => Promise<StaffServerOptions> | StaffServerOptions, timeoutMs = 240_000): StaffPages {
  const chromium = new TestBrowser();
  let server: RunningServer | undefined;
  beforeAll(async () => {
    const options = await setUp();
    server = await startServer({ ...options, port: 0, host: '127.0.0.1', staff: { storePath: options.storePath, auth: DEFAULT_AUTH } });
    await chromium.launch();
  }, timeoutMs);
  afterAll(async () => {
    await chromium.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    chromium,
    get server(): RunningServer {
      if (server === undefined) throw new Error('staffPages: the server is read before beforeAll started it');
      return server;
    },
  };
}
