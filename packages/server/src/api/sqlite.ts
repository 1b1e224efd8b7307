/**
 * better-sqlite3, typed for the part the API uses. It is a CommonJS native module without
 * bundled types; declaring the few members used here keeps `@types/better-sqlite3` out of the
 * dependencies. Version 12 is pinned: 13 crashes on Node 20.
 *
 * Every statement is prepared with `?` placeholders: values never become SQL text.
 */
import { createRequire } from 'node:module';

export type SqlValue = string | number | bigint | null | Uint8Array;

export interface Statement<Row = unknown> {
  run(...params: SqlValue[]): { changes: number; lastInsertRowid: number | bigint };
  get(...params: SqlValue[]): Row | undefined;
  all(...params: SqlValue[]): Row[];
}

export interface Database {
  prepare<Row = unknown>(sql: string): Statement<Row>;
  exec(sql: string): void;
  pragma(source: string, options?: { simple?: boolean }): unknown;
  transaction<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R;
  close(): void;
  readonly inTransaction: boolean;
  readonly open: boolean;
}

type DatabaseConstructor = new (filename: string, options?: { readonly fileMustExist?: boolean }) => Database;

/** Opens (creating it if needed) a database file, or an in-memory one for `:memory:`. */
export function openDatabase(filename: string): Database {
  const require = createRequire(import.meta.url);
  const Sqlite = require('better-sqlite3') as DatabaseConstructor;
  return new Sqlite(filename);
}
