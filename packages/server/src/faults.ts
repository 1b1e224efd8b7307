/**
 * Fault injection for tests: make the next N matching requests fail the way a bad CDN or a
 * weak network does, so players can be tested against failures they must survive.
 *
 *   const server = await createDemoServer({ port: 0 });
 *   server.faults.inject({ kind: 404, count: 3 });                   // next 3 segments: 404
 *   server.faults.inject({ kind: 'hang', count: 1, match: '/live/' }); // next live segment never answers
 *   server.faults.clear();
 *
 * A rule matches a request whose target (path and query) contains `match` (default: any MPEG-TS
 * segment, live or replay) and is used up after `count` matches. Tests running side by side
 * can tag their requests with a query (`seg-5.ts?tag=a`) and match on the tag. Rules apply in the order they were added. It
 * is an in-process API only: nothing on the HTTP surface changes, so a deployed demo server
 * cannot be broken from outside.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError, sendProblem } from './http.js';

/** `404` and `500` answer with a problem response; `hang` sends nothing until `hangMs` passes. */
export type FaultKind = 404 | 500 | 'hang';

export interface FaultRule {
  readonly kind: FaultKind;
  /** How many matching requests fail; default 1. */
  readonly count?: number;
  /** A substring of the request target (path and query); default: any segment (path ending `.ts`). */
  readonly match?: string;
  /** How long a `hang` holds the request before dropping the connection; default 60 s. */
  readonly hangMs?: number;
}

export interface FaultRecord {
  readonly kind: FaultKind;
  /** The request target (path and query). */
  readonly path: string;
}

interface ActiveRule {
  readonly rule: FaultRule;
  remaining: number;
}

const DEFAULT_HANG_MS = 60_000;

export class FaultInjector {
  #rules: ActiveRule[] = [];
  readonly #hanging = new Set<ServerResponse>();
  /** Every request failed so far, oldest first. */
  readonly applied: FaultRecord[] = [];

  /** Adds a rule; the next `count` requests that match it fail. */
  inject(rule: FaultRule): void {
    const count = rule.count ?? 1;
    if (!Number.isInteger(count) || count < 1) throw new RangeError('count must be a positive integer');
    if (rule.kind !== 404 && rule.kind !== 500 && rule.kind !== 'hang') throw new RangeError(`unknown fault kind ${String(rule.kind)}`);
    this.#rules.push({ rule, remaining: count });
  }

  /** Drops every rule not used up yet and releases hanging requests. */
  clear(): void {
    this.#rules = [];
    for (const res of this.#hanging) res.destroy();
    this.#hanging.clear();
  }

  /** Failures still to come, summed over the rules. */
  get pending(): number {
    return this.#rules.reduce((sum, r) => sum + r.remaining, 0);
  }

  /** The rule a request target (path and query) uses up, if any. */
  take(target: string): FaultRule | undefined {
    const path = target.split('?')[0] ?? '';
    const active = this.#rules.find(({ rule }) => (rule.match === undefined ? path.endsWith('.ts') : target.includes(rule.match)));
    if (!active) return undefined;
    active.remaining--;
    if (active.remaining === 0) this.#rules = this.#rules.filter((r) => r !== active);
    this.applied.push({ kind: active.rule.kind, path: target });
    return active.rule;
  }

  /** Fails the request when a rule matches; returns true when it did. The server's hook. */
  apply(req: IncomingMessage, res: ServerResponse): boolean {
    if (this.#rules.length === 0) return false;
    const rule = this.take(req.url ?? '');
    if (!rule) return false;
    if (rule.kind === 'hang') {
      this.#hanging.add(res);
      const timer = setTimeout(() => res.destroy(), rule.hangMs ?? DEFAULT_HANG_MS);
      timer.unref();
      res.once('close', () => {
        clearTimeout(timer);
        this.#hanging.delete(res);
      });
      return true;
    }
    const error =
      rule.kind === 404
        ? new HttpError(404, 'Not Found', 'Injected fault: this segment is missing.')
        : new HttpError(500, 'Internal Server Error', 'Injected fault: the server failed.');
    sendProblem(req, res, error);
    return true;
  }
}
