/**
 * Storage: everything the API must not lose across a restart, in one SQLite database.
 *
 * - `shows` holds each show's snapshot (JSON, without `seq`) and its sequence counter, so a
 *   restart mid-show continues the numbering; `events` is the log streams resume from, trimmed
 *   to the newest `historyLimit` per show.
 * - `messages` is the chat; its rowid orders it and is the history cursor.
 * - Carts, reports, analytics, viewers, mutes and idempotency records have their own tables.
 *
 * Policy: parameterised statements only (text is data, never SQL); JSON columns hold what the
 * server itself wrote; one writer (this process), WAL journal with `synchronous = NORMAL`
 * (a crash of the process loses nothing committed; a power cut may lose the last moments).
 */
import type { Cart, CartLine, ChatMessage, Product, Show, ShowEvent } from '@liveplus/core';
import type { HostReport } from '@liveplus/adapter-http';
import type { Database, Statement } from './sqlite.js';

const SCHEMA_VERSION = 1;

const SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE shows (
  id TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  snapshot TEXT NOT NULL,
  seq INTEGER NOT NULL DEFAULT 0,
  timeline_anchor INTEGER
) WITHOUT ROWID;
CREATE TABLE products (
  show_id TEXT NOT NULL REFERENCES shows (id),
  id TEXT NOT NULL,
  position INTEGER NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (show_id, id)
) WITHOUT ROWID;
CREATE TABLE events (
  show_id TEXT NOT NULL REFERENCES shows (id),
  seq INTEGER NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (show_id, seq)
) WITHOUT ROWID;
CREATE TABLE messages (
  rowid INTEGER PRIMARY KEY,
  show_id TEXT NOT NULL REFERENCES shows (id),
  id TEXT NOT NULL,
  kind TEXT NOT NULL,
  author_id TEXT NOT NULL,
  author_name TEXT NOT NULL,
  author_role TEXT NOT NULL,
  text TEXT NOT NULL,
  sent_at TEXT NOT NULL,
  stream_time TEXT,
  pinned INTEGER NOT NULL DEFAULT 0,
  deleted INTEGER NOT NULL DEFAULT 0,
  client_id TEXT,
  UNIQUE (show_id, id)
);
CREATE INDEX messages_by_author ON messages (show_id, author_id);
CREATE TABLE viewers (id TEXT PRIMARY KEY, nickname TEXT, created_at TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE mutes (
  show_id TEXT NOT NULL,
  viewer_id TEXT NOT NULL,
  muted_at TEXT NOT NULL,
  PRIMARY KEY (show_id, viewer_id)
) WITHOUT ROWID;
CREATE TABLE cart_lines (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  show_id TEXT NOT NULL,
  viewer_id TEXT NOT NULL,
  product_id TEXT NOT NULL,
  variant_id TEXT,
  quantity INTEGER NOT NULL,
  line TEXT NOT NULL
);
CREATE INDEX cart_lines_by_owner ON cart_lines (show_id, viewer_id);
CREATE TABLE reports (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  show_id TEXT NOT NULL,
  message_id TEXT NOT NULL,
  reason TEXT NOT NULL,
  reporter_id TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX reports_by_show ON reports (show_id);
CREATE TABLE analytics (rowid INTEGER PRIMARY KEY, received_at TEXT NOT NULL, viewer_id TEXT, data TEXT NOT NULL);
CREATE TABLE idempotency (
  scope TEXT NOT NULL,
  key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  status INTEGER NOT NULL,
  body TEXT,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (scope, key)
) WITHOUT ROWID;
CREATE INDEX idempotency_by_age ON idempotency (created_at);
`;

export interface ShowRecord {
  readonly id: string;
  readonly snapshot: Omit<Show, 'seq'>;
  readonly seq: number;
  readonly timelineAnchor: number | null;
}

export interface StoredMessage {
  readonly rowid: number;
  readonly message: ChatMessage;
}

export interface StoredLine {
  readonly id: string;
  readonly productId: string;
  readonly variantId: string | null;
  readonly quantity: number;
  /** The line as it was added (title, label, price, image): used when the product is gone. */
  readonly line: CartLine;
}

export interface IdempotencyRecord {
  readonly fingerprint: string;
  readonly status: number;
  readonly body: string | null;
}

interface MessageRow {
  rowid: number;
  id: string;
  kind: string;
  author_id: string;
  author_name: string;
  author_role: string;
  text: string;
  sent_at: string;
  stream_time: string | null;
  pinned: number;
  deleted: number;
  client_id: string | null;
}

function toMessage(row: MessageRow): ChatMessage {
  return {
    id: row.id,
    kind: row.kind as ChatMessage['kind'],
    author: { id: row.author_id, name: row.author_name, role: row.author_role as ChatMessage['author']['role'] },
    text: row.text,
    sentAt: row.sent_at,
    ...(row.stream_time !== null ? { streamTime: row.stream_time } : {}),
    pinned: row.pinned === 1,
    deleted: row.deleted === 1,
    ...(row.client_id !== null ? { clientId: row.client_id } : {}),
  };
}

const MESSAGE_COLUMNS = 'rowid, id, kind, author_id, author_name, author_role, text, sent_at, stream_time, pinned, deleted, client_id';

export class Store {
  readonly #db: Database;
  readonly #statements = new Map<string, Statement>();

  constructor(db: Database) {
    this.#db = db;
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version === 0) {
      db.transaction(() => {
        db.exec(SCHEMA);
        db.pragma(`user_version = ${SCHEMA_VERSION}`);
      })();
    } else if (version !== SCHEMA_VERSION) {
      throw new Error(`the database has schema version ${version}; this server knows version ${SCHEMA_VERSION}`);
    }
  }

  /** A prepared statement, prepared once. */
  #sql<Row = unknown>(sql: string): Statement<Row> {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement as Statement<Row>;
  }

  /** Runs `fn` in a transaction (nested calls join the outer one). */
  transaction<R>(fn: () => R): R {
    return this.#db.inTransaction ? fn() : this.#db.transaction(fn)();
  }

  close(): void {
    if (this.#db.open) this.#db.close();
  }

  // ------------------------------------------------------------------------------- meta

  meta(key: string): string | undefined {
    return this.#sql<{ value: string }>('SELECT value FROM meta WHERE key = ?').get(key)?.value;
  }

  setMeta(key: string, value: string): void {
    this.#sql('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  // ------------------------------------------------------------------------------ shows

  shows(): ShowRecord[] {
    return this.#sql<{ id: string; snapshot: string; seq: number; timeline_anchor: number | null }>(
      'SELECT id, snapshot, seq, timeline_anchor FROM shows ORDER BY position',
    )
      .all()
      .map((row) => ({ id: row.id, snapshot: JSON.parse(row.snapshot) as Omit<Show, 'seq'>, seq: row.seq, timelineAnchor: row.timeline_anchor }));
  }

  insertShow(snapshot: Omit<Show, 'seq'>, products: readonly Product[], timelineAnchor: number | null): void {
    const position = this.#sql<{ n: number }>('SELECT count(*) AS n FROM shows').get()?.n ?? 0;
    this.#sql('INSERT INTO shows (id, position, snapshot, seq, timeline_anchor) VALUES (?, ?, ?, 0, ?)').run(
      snapshot.id,
      position,
      JSON.stringify(snapshot),
      timelineAnchor,
    );
    products.forEach((product, index) => {
      this.#sql('INSERT INTO products (show_id, id, position, data) VALUES (?, ?, ?, ?)').run(snapshot.id, product.id, index, JSON.stringify(product));
    });
  }

  saveSnapshot(showId: string, snapshot: Omit<Show, 'seq'>): void {
    this.#sql('UPDATE shows SET snapshot = ? WHERE id = ?').run(JSON.stringify(snapshot), showId);
  }

  setTimelineAnchor(showId: string, anchor: number): void {
    this.#sql('UPDATE shows SET timeline_anchor = ? WHERE id = ?').run(anchor, showId);
  }

  products(showId: string): Product[] {
    return this.#sql<{ data: string }>('SELECT data FROM products WHERE show_id = ? ORDER BY position')
      .all(showId)
      .map((row) => JSON.parse(row.data) as Product);
  }

  saveProduct(showId: string, product: Product): void {
    this.#sql('UPDATE products SET data = ? WHERE show_id = ? AND id = ?').run(JSON.stringify(product), showId, product.id);
  }

  // ----------------------------------------------------------------------------- events

  /** Appends an event and moves the show's counter to its seq, in the caller's transaction. */
  appendEvent(showId: string, event: ShowEvent, json: string): void {
    this.#sql('INSERT INTO events (show_id, seq, data) VALUES (?, ?, ?)').run(showId, event.seq, json);
    this.#sql('UPDATE shows SET seq = ? WHERE id = ?').run(event.seq, showId);
  }

  /** Every kept event after `since`, in order, as its seq and JSON. */
  eventsAfter(showId: string, since: number): { seq: number; json: string }[] {
    return this.#sql<{ seq: number; data: string }>('SELECT seq, data FROM events WHERE show_id = ? AND seq > ? ORDER BY seq')
      .all(showId, since)
      .map((row) => ({ seq: row.seq, json: row.data }));
  }

  /** The oldest seq still kept, or undefined when the log is empty. */
  oldestEvent(showId: string): number | undefined {
    return this.#sql<{ seq: number | null }>('SELECT min(seq) AS seq FROM events WHERE show_id = ?').get(showId)?.seq ?? undefined;
  }

  trimEvents(showId: string, keepAfter: number): void {
    this.#sql('DELETE FROM events WHERE show_id = ? AND seq <= ?').run(showId, keepAfter);
  }

  // ------------------------------------------------------------------------------- chat

  insertMessage(showId: string, m: ChatMessage): void {
    this.#sql(
      `INSERT INTO messages (show_id, id, kind, author_id, author_name, author_role, text, sent_at, stream_time, pinned, deleted, client_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      showId,
      m.id,
      m.kind,
      m.author.id,
      m.author.name,
      m.author.role,
      m.text,
      m.sentAt,
      m.streamTime ?? null,
      m.pinned ? 1 : 0,
      m.deleted ? 1 : 0,
      m.clientId ?? null,
    );
  }

  message(showId: string, id: string): ChatMessage | undefined {
    const row = this.#sql<MessageRow>(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE show_id = ? AND id = ?`).get(showId, id);
    return row && toMessage(row);
  }

  setPinned(showId: string, id: string, pinned: boolean): void {
    // One pinned message at a time, as the controller shows it.
    if (pinned) this.#sql('UPDATE messages SET pinned = 0 WHERE show_id = ? AND pinned = 1').run(showId);
    this.#sql('UPDATE messages SET pinned = ? WHERE show_id = ? AND id = ?').run(pinned ? 1 : 0, showId, id);
  }

  setDeleted(showId: string, id: string): void {
    this.#sql('UPDATE messages SET deleted = 1, pinned = 0 WHERE show_id = ? AND id = ?').run(showId, id);
  }

  deleteByAuthor(showId: string, authorId: string): void {
    this.#sql('UPDATE messages SET deleted = 1, pinned = 0 WHERE show_id = ? AND author_id = ?').run(showId, authorId);
  }

  /** Up to `limit` visible messages before the cursor (a rowid), oldest first, and whether there are more. */
  chatPage(showId: string, before: number, limit: number): { messages: StoredMessage[]; more: boolean } {
    const rows = this.#sql<MessageRow>(
      `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE show_id = ? AND deleted = 0 AND rowid < ? ORDER BY rowid DESC LIMIT ?`,
    ).all(showId, before, limit + 1);
    const more = rows.length > limit;
    return { messages: rows.slice(0, limit).reverse().map((row) => ({ rowid: row.rowid, message: toMessage(row) })), more };
  }

  trimChat(showId: string, keep: number): void {
    this.#sql(
      `DELETE FROM messages WHERE show_id = ? AND rowid <= (
         SELECT rowid FROM messages WHERE show_id = ? ORDER BY rowid DESC LIMIT 1 OFFSET ?)`,
    ).run(showId, showId, keep);
  }

  // ---------------------------------------------------------------------------- viewers

  insertViewer(id: string, createdAt: string): void {
    this.#sql('INSERT INTO viewers (id, nickname, created_at) VALUES (?, NULL, ?)').run(id, createdAt);
  }

  viewer(id: string): { id: string; nickname: string | null } | undefined {
    return this.#sql<{ id: string; nickname: string | null }>('SELECT id, nickname FROM viewers WHERE id = ?').get(id);
  }

  setNickname(id: string, nickname: string): void {
    this.#sql('UPDATE viewers SET nickname = ? WHERE id = ? AND nickname IS NULL').run(nickname, id);
  }

  mute(showId: string, viewerId: string, at: string): void {
    this.#sql('INSERT INTO mutes (show_id, viewer_id, muted_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(showId, viewerId, at);
  }

  isMuted(showId: string, viewerId: string): boolean {
    return this.#sql('SELECT 1 FROM mutes WHERE show_id = ? AND viewer_id = ?').get(showId, viewerId) !== undefined;
  }

  // ------------------------------------------------------------------------------- cart

  cartLines(showId: string, viewerId: string): StoredLine[] {
    return this.#sql<{ id: string; product_id: string; variant_id: string | null; quantity: number; line: string }>(
      'SELECT id, product_id, variant_id, quantity, line FROM cart_lines WHERE show_id = ? AND viewer_id = ? ORDER BY rowid',
    )
      .all(showId, viewerId)
      .map((row) => ({ id: row.id, productId: row.product_id, variantId: row.variant_id, quantity: row.quantity, line: JSON.parse(row.line) as CartLine }));
  }

  insertLine(showId: string, viewerId: string, line: CartLine): void {
    this.#sql('INSERT INTO cart_lines (id, show_id, viewer_id, product_id, variant_id, quantity, line) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      line.id,
      showId,
      viewerId,
      line.productId,
      line.variantId ?? null,
      line.quantity,
      JSON.stringify(line),
    );
  }

  setLineQuantity(lineId: string, quantity: number): void {
    this.#sql('UPDATE cart_lines SET quantity = ? WHERE id = ?').run(quantity, lineId);
  }

  deleteLine(lineId: string): void {
    this.#sql('DELETE FROM cart_lines WHERE id = ?').run(lineId);
  }

  // ------------------------------------------------------------------------ reports, analytics

  insertReport(report: { id: string; showId: string; messageId: string; reason: string; reporterId: string; createdAt: string }): void {
    this.#sql('INSERT INTO reports (id, show_id, message_id, reason, reporter_id, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      report.id,
      report.showId,
      report.messageId,
      report.reason,
      report.reporterId,
      report.createdAt,
    );
  }

  reports(showId: string, limit: number): HostReport[] {
    return this.#sql<{ id: string; message_id: string; reason: string; reporter_id: string; created_at: string }>(
      'SELECT id, message_id, reason, reporter_id, created_at FROM reports WHERE show_id = ? ORDER BY rowid DESC LIMIT ?',
    )
      .all(showId, limit)
      .map((row) => {
        const message = this.message(showId, row.message_id);
        return {
          id: row.id,
          messageId: row.message_id,
          reason: row.reason as HostReport['reason'],
          createdAt: row.created_at,
          reporterId: row.reporter_id,
          ...(message ? { message } : {}),
        };
      });
  }

  insertAnalytics(receivedAt: string, viewerId: string | null, events: readonly unknown[]): void {
    const statement = this.#sql('INSERT INTO analytics (received_at, viewer_id, data) VALUES (?, ?, ?)');
    for (const event of events) statement.run(receivedAt, viewerId, JSON.stringify(event));
  }

  analyticsCount(): number {
    return this.#sql<{ n: number }>('SELECT count(*) AS n FROM analytics').get()?.n ?? 0;
  }

  trimAnalytics(keep: number): void {
    this.#sql('DELETE FROM analytics WHERE rowid <= (SELECT rowid FROM analytics ORDER BY rowid DESC LIMIT 1 OFFSET ?)').run(keep);
  }

  // ------------------------------------------------------------------------- idempotency

  idempotent(scope: string, key: string): IdempotencyRecord | undefined {
    return this.#sql<IdempotencyRecord>('SELECT fingerprint, status, body FROM idempotency WHERE scope = ? AND key = ?').get(scope, key);
  }

  saveIdempotent(scope: string, key: string, record: IdempotencyRecord, at: number): void {
    this.#sql('INSERT INTO idempotency (scope, key, fingerprint, status, body, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      scope,
      key,
      record.fingerprint,
      record.status,
      record.body,
      at,
    );
  }

  purgeIdempotency(before: number): void {
    this.#sql('DELETE FROM idempotency WHERE created_at < ?').run(before);
  }
}

/** The cart the viewer sees: lines, and their sum when they share a currency. */
export function cartOf(lines: readonly CartLine[]): Cart {
  const currency = lines[0]?.unitPrice.currency;
  const subtotal =
    currency && lines.every((l) => l.unitPrice.currency === currency)
      ? { amount: lines.reduce((sum, l) => sum + l.unitPrice.amount * l.quantity, 0), currency }
      : null;
  return { lines, subtotal };
}
