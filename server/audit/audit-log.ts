// The audit trail's writer. Every event goes into
// a queue that is written to the Store in batches every `flushMs`. A failed write is retried with backoff;
// nothing is dropped: while the queue is over `maxQueue` the broker refuses new calls (503) instead of
// losing their events, and on shutdown the queue is flushed before the store closes. With `log` (config
// audit.log: true) each event is also written to the log at info, one JSON line, secrets removed.
import type { Logger } from 'pino';
import type { Store } from '../contracts/store.ts';
import { toRecord, type AuditEvent } from './event.ts';

export interface AuditLogOptions {
  flushMs?: number;
  maxQueue?: number;
  retentionDays?: number;
  /** Also write each event to the log at info (config audit.log; default false: the store only). */
  log?: boolean;
}

export class AuditLog {
  private queue: AuditEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private failures = 0;
  private lastPrune = 0;
  private closed = false;
  private readonly flushMs: number;
  private readonly maxQueue: number;
  private readonly retentionDays: number;
  private readonly log: boolean;

  constructor(private readonly store: Store, private readonly logger: Logger, opts: AuditLogOptions = {}) {
    this.flushMs = opts.flushMs ?? 200;
    this.maxQueue = opts.maxQueue ?? 10_000;
    this.retentionDays = opts.retentionDays ?? 90;
    this.log = opts.log ?? false;
  }

  /** False while the queue is too long to accept more calls (the caller answers ServiceUnavailable). */
  get accepting(): boolean {
    return this.queue.length < this.maxQueue;
  }

  get pending(): number {
    return this.queue.length;
  }

  record(event: AuditEvent): void {
    if (this.log) this.logger.info({ audit: event }, `audit ${event.eventSource} ${event.eventName}${event.errorCode ? ` ${event.errorCode}` : ''}`);
    this.queue.push(event);
    this.schedule(this.flushMs);
  }

  private schedule(ms: number): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, ms);
    this.timer.unref();
  }

  /** Writes what is queued; on failure keeps it queued and retries later (backoff up to 10 s). */
  flush(): Promise<void> {
    this.flushing ??= this.write().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  private async write(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.slice(0, 500);
      try {
        await this.store.audit.append(batch.map(toRecord));
        this.queue.splice(0, batch.length);
        this.failures = 0;
      } catch (err) {
        this.failures++;
        this.logger.error({ err, pending: this.queue.length }, 'audit write failed; events stay queued and will be retried');
        if (!this.closed) this.schedule(Math.min(10_000, this.flushMs * 2 ** this.failures));
        return;
      }
    }
    await this.pruneIfDue();
  }

  private async pruneIfDue(): Promise<void> {
    const now = Date.now();
    if (now - this.lastPrune < 3600_000) return;
    this.lastPrune = now;
    try {
      const n = await this.store.audit.prune(new Date(now - this.retentionDays * 86400_000).toISOString());
      if (n) this.logger.info({ pruned: n }, 'audit retention: old events removed');
    } catch (err) {
      this.logger.warn({ err }, 'audit retention prune failed');
    }
  }

  /** Flushes everything (retrying a few times) before the store closes. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    for (let i = 0; i < 5 && this.queue.length > 0; i++) {
      await this.flush();
      if (this.queue.length) await new Promise((r) => setTimeout(r, 200 * (i + 1)));
    }
    // Not written: they survive only in the log (each one here, unless audit.log already wrote it).
    if (this.queue.length)
      this.logger.error({ lost: this.queue.length, ...(this.log ? {} : { audit: this.queue }) }, 'audit events could not be written before shutdown; they are in this log only');
  }
}
