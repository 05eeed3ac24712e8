// SearchRequest: RootDSE, `<GUID=…>`/`<SID=…>` bases, size and time limits (AD caps a
// non-paged search at MaxPageSize with sizeLimitExceeded), Simple Paged Results (RFC 2696),
// attribute selection. Results stream with socket backpressure. Server-side sort, VLV and DirSync
// (sort-control.ts, vlv-control.ts, dirsync-control.ts) answer from the whole result instead.
import { randomBytes } from 'node:crypto';
import { adError, type Entry, LdapError, ResultCode, type SearchOptions } from '../contracts/directory.ts';
import type { DirSyncEntry } from '../contracts/dirsync.ts';
import { parseExtendedDN } from './ad-values.ts';
import { selectAttributes } from './attribute-selection.ts';
import { BerError, BerReader } from '../ber/ber.ts';
import type { Control, Request } from './decode-request.ts';
import { CONTROL_ERROR, frontEndError } from './diagnostics.ts';
import { answerDirSync, DIRSYNC } from './dirsync-control.ts';
import { encodePagedValue, encodeResult, encodeSearchEntry, type ResponseControl } from './encode-response.ts';
import { parseDN } from '../contracts/dn.ts';
import { matchesFilter } from '../contracts/filter-match.ts';
import { OID } from './root-dse.ts';
import type { PagedSearch, Session } from './session.ts';
import { SORT_REQUEST, SortControlError, sortResponse, sortResults, type SortOutcome } from './sort-control.ts';
import { answerVlv, VLV_REQUEST } from './vlv-control.ts';

type SearchRequest = Request & { op: 'search' };

export async function handleSearch(s: Session, id: number, req: SearchRequest, controls: Control[], signal: AbortSignal): Promise<void> {
  const { limits } = s.ctx;
  const send = async (entry: Entry): Promise<void> => {
    if (!s.send(encodeSearchEntry(id, entry.dn, selectAttributes(entry, req.attributes, limits.maxValRange), req.typesOnly))) await s.drained();
  };
  /** Response controls every SearchResultDone of this search carries (the sort result). */
  const extra: ResponseControl[] = [];
  const done = (code: number, diagnostic = '', ctl?: ResponseControl[]): void => {
    if (!signal.aborted) s.send(encodeResult(id, 0x65, { resultCode: code, diagnostic }, [...extra, ...(ctl ?? [])]));
  };
  if (req.base.trim() === '' && req.scope === 'base') {
    const dse = s.ctx.rootDse();
    const usn = await s.ctx.backend.highestCommittedUSN?.();
    if (usn !== undefined) dse.set('highestCommittedUSN', [String(usn)]);
    if (matchesFilter(dse, req.filter)) await send(dse);
    return done(ResultCode.success);
  }
  if (!s.principal) throw frontEndError.notBound();
  const base = await resolveBase(s, req.base);
  const seconds = Math.min(req.timeLimit || limits.maxTimeLimitSeconds, limits.maxTimeLimitSeconds);
  const deadline = Date.now() + seconds * 1000;
  const pagedControl = controls.find((c) => c.type === OID.pagedResults);
  const opts = (sig?: AbortSignal): SearchOptions => ({ principal: s.principal, attributes: req.attributes, sizeLimit: req.sizeLimit, signal: sig, followsReferrals: true });

  const dirSyncControl = controls.find((c) => c.type === DIRSYNC);
  if (dirSyncControl) {
    const write = async (e: DirSyncEntry): Promise<void> => {
      if (!s.send(encodeSearchEntry(id, e.dn, e.attributes, false))) await s.drained();
    };
    if (await answerDirSync(s, req, base, dirSyncControl, write, done, signal)) return;
  }
  const sortControl = controls.find((c) => c.type === SORT_REQUEST);
  const vlvControl = controls.find((c) => c.type === VLV_REQUEST);
  let sorted: SortOutcome | undefined;
  if (sortControl && !(pagedControl && decodePagedValue(pagedControl.value).cookie.length > 0)) {
    try {
      sorted = await sortResults(sortControl, s.ctx.backend.search(base, req.scope, req.filter, { ...opts(signal), sizeLimit: 0 }), signal);
    } catch (e) {
      if (e instanceof SortControlError) throw new LdapError('protocolError', CONTROL_ERROR);
      throw e;
    }
    if (signal.aborted) return;
    extra.push(sorted.response);
    if (!sorted.ok && sortControl.critical) return done(ResultCode.unavailableCriticalExtension, CONTROL_ERROR);
  } else if (sortControl) extra.push(sortResponse(0)); // a later page of a sorted paged search
  if (vlvControl) return answerVlv(vlvControl, sorted, pagedControl !== undefined, send, done);
  const results = (sig?: AbortSignal): AsyncIterable<Entry> => (sorted ? fromArray(sorted.entries) : s.ctx.backend.search(base, req.scope, req.filter, opts(sig)));

  if (!pagedControl) {
    const cap = Math.min(req.sizeLimit || Infinity, limits.maxPageSize);
    let count = 0;
    for await (const entry of results(signal)) {
      if (signal.aborted) return;
      if (Date.now() > deadline) return done(ResultCode.timeLimitExceeded);
      if (count >= cap) return done(ResultCode.sizeLimitExceeded);
      await send(entry);
      count++;
    }
    return done(ResultCode.success);
  }

  const { size, cookie } = decodePagedValue(pagedControl.value);
  const key = JSON.stringify([base.toLowerCase(), req.scope, req.filter, req.attributes]);
  let state: PagedSearch;
  if (cookie.length === 0) {
    const iterator = results()[Symbol.asyncIterator]();
    state = { key, iterator, sent: 0 };
  } else {
    const found = s.pages.get(cookie.toString('hex'));
    if (!found || found.key !== key) throw new LdapError('unwillingToPerform', '00002024: SvcErr: DSID-02040981, problem 5003 (WILL_NOT_PERFORM), data 0\n');
    s.pages.delete(cookie.toString('hex'));
    state = found;
  }
  const finish = (code: number, next: Buffer): void =>
    done(code, '', [{ type: OID.pagedResults, value: encodePagedValue(0, next) }]);
  if (size === 0 && cookie.length > 0) {
    await state.iterator.return?.();
    return finish(ResultCode.success, Buffer.alloc(0));
  }
  const pageSize = Math.min(size || limits.maxPageSize, limits.maxPageSize);
  for (let n = 0; n < pageSize; n++) {
    const next = state.peeked ? { done: false as const, value: state.peeked } : await state.iterator.next();
    state.peeked = undefined;
    if (next.done) return finish(ResultCode.success, Buffer.alloc(0));
    if (signal.aborted) return void state.iterator.return?.();
    if (req.sizeLimit && state.sent >= req.sizeLimit) {
      await state.iterator.return?.();
      return finish(ResultCode.sizeLimitExceeded, Buffer.alloc(0));
    }
    if (Date.now() > deadline) {
      await state.iterator.return?.();
      return finish(ResultCode.timeLimitExceeded, Buffer.alloc(0));
    }
    await send(next.value);
    state.sent++;
  }
  const peek = await state.iterator.next();
  if (peek.done) return finish(ResultCode.success, Buffer.alloc(0));
  state.peeked = peek.value;
  const nextCookie = randomBytes(12);
  if (s.pages.size >= limits.maxPagedSearches) {
    const [oldest, dropped] = s.pages.entries().next().value as [string, PagedSearch];
    s.pages.delete(oldest);
    void dropped.iterator.return?.();
  }
  s.pages.set(nextCookie.toString('hex'), state);
  finish(ResultCode.success, nextCookie);
}

async function* fromArray(entries: Entry[]): AsyncIterable<Entry> {
  yield* entries;
}

function decodePagedValue(value: Buffer | undefined): { size: number; cookie: Buffer } {
  try {
    const r = new BerReader(value ?? Buffer.alloc(0)).sequence();
    return { size: r.integer(), cookie: r.bytes() };
  } catch (e) {
    if (e instanceof BerError) throw new LdapError('protocolError', 'malformed paged results control value');
    throw e;
  }
}

/** `<GUID=…>` and `<SID=…>` bases are looked up in the domain; other bases pass as sent. */
async function resolveBase(s: Session, base: string): Promise<string> {
  const ext = parseExtendedDN(base);
  if (!ext) {
    parseDN(base); // invalidDNSyntax (34) here, so backends only ever see well-formed DNs
    return base;
  }
  if (!ext.value) throw new LdapError('invalidDNSyntax', `0000208F: NameErr: DSID-03100225, problem 2006 (BAD_NAME_SYNTAX), data 8350, best match of:\n\t'${base}'\n`);
  const { baseDN } = s.ctx.backend.domain;
  const filter = { type: 'equality' as const, attribute: ext.attribute, value: ext.value };
  for await (const e of s.ctx.backend.search(baseDN, 'sub', filter, { principal: s.principal, attributes: ['1.1'], sizeLimit: 1 })) return e.dn;
  throw adError.noSuchObject(baseDN);
}
