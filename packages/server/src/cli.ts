#!/usr/bin/env node
/**
 * `npm start` / `liveplus-server`: runs the demo server until SIGINT or SIGTERM.
 *
 *   PORT  port to listen on (default 8000; 0 picks a free one)
 *   HOST  interface to listen on (default 127.0.0.1; 0.0.0.0 to reach it from a phone)
 *
 * The API keeps its data in SQLite:
 *
 *   --memory             keep everything in memory (nothing survives the process)
 *   DATA_DIR             folder of the database (default packages/server/data/, created)
 *   LIVEPLUS_HOST_TOKEN  the host token (default: a new random one, printed in the console URL)
 *   CORS_ORIGINS         comma-separated origins allowed to call the API (default: self, http://localhost:*, http://127.0.0.1:*)
 *   PUBLIC_URL           prefix of the demo shows' media and stream URLs when first seeded (default: root-relative)
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDemoServer } from './server.js';

/** packages/server/data/, whatever the working directory. */
const DEFAULT_DATA_DIR = fileURLToPath(new URL('../data/', import.meta.url));

function databaseFrom(args: readonly string[], dataDir: string | undefined): string {
  if (args.includes('--memory')) return ':memory:';
  const folder = resolve(dataDir || DEFAULT_DATA_DIR);
  mkdirSync(folder, { recursive: true });
  return join(folder, 'liveplus.sqlite');
}

const list = (value: string | undefined) => value?.split(',').map((item) => item.trim()).filter(Boolean);

function portFrom(value: string | undefined): number {
  if (value === undefined || value === '') return 8000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer from 0 to 65535, not ${JSON.stringify(value)}`);
  }
  return port;
}

try {
  const env = process.env;
  const database = databaseFrom(process.argv.slice(2), env.DATA_DIR);
  const corsOrigins = list(env.CORS_ORIGINS);
  const server = await createDemoServer({
    host: env.HOST || '127.0.0.1',
    port: portFrom(env.PORT),
    api: {
      database,
      ...(env.LIVEPLUS_HOST_TOKEN ? { hostToken: env.LIVEPLUS_HOST_TOKEN } : {}),
      ...(corsOrigins ? { corsOrigins } : {}),
      ...(env.PUBLIC_URL ? { publicUrl: env.PUBLIC_URL.replace(/\/?$/, '/') } : {}),
    },
  });
  console.log(`LivePlus demo on ${server.url}`);
  console.log(`API on ${server.url}api/v1/ (${database === ':memory:' ? 'in memory' : `SQLite: ${database}`})`);
  // The token travels in the fragment, which browsers never send to a server or in a Referer.
  const token = env.LIVEPLUS_HOST_TOKEN ? '' : `#token=${server.api?.hostToken ?? ''}`;
  console.log(`Host console: ${server.url}host/${token}`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`liveplus-server: error while stopping on ${signal}:`, error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(`liveplus-server: ${(error as Error).message}`);
  process.exitCode = 1;
}
