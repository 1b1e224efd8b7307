#!/usr/bin/env node
/**
 * `npm start` / `liveplus-server`: runs the demo server until SIGINT or SIGTERM.
 *
 *   PORT  port to listen on (default 8000; 0 picks a free one)
 *   HOST  interface to listen on (default 127.0.0.1; 0.0.0.0 to reach it from a phone)
 */
import { createDemoServer } from './server.js';

function portFrom(value: string | undefined): number {
  if (value === undefined || value === '') return 8000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer from 0 to 65535, not ${JSON.stringify(value)}`);
  }
  return port;
}

try {
  const server = await createDemoServer({ host: process.env.HOST || '127.0.0.1', port: portFrom(process.env.PORT) });
  console.log(`LivePlus demo on ${server.url}`);

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
