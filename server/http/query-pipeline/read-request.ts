// The request as the later steps need it: the body (within the limit, form-encoded), the bytes SigV4 verifies,
// the parameters from the query string and the body, and the time the request is judged at.
import { AwsError } from '../../contracts/errors.ts';
import type { Step } from '../pipeline.ts';
import { parseQueryParams } from '../../query-protocol/query-params.ts';
import { readBody } from '../read-body.ts';
import type { QueryApiDeps, QueryState } from './state.ts';

export function readRequest(deps: Pick<QueryApiDeps, 'bodyLimit'>, clock: () => Date): Step<QueryState> {
  return async function readRequest(ctx, state, next) {
    const body = ctx.method === 'POST' ? await readBody(ctx.req, deps.bodyLimit) : Buffer.alloc(0);
    const contentType = String(ctx.get('content-type') ?? '');
    if (ctx.method === 'POST' && contentType !== '' && !contentType.startsWith('application/x-www-form-urlencoded')) {
      throw new AwsError('InvalidParameterValue', `Unsupported Content-Type ${contentType}: the Query API takes application/x-www-form-urlencoded.`);
    }
    state.signed = { method: ctx.method, path: ctx.path, rawQuery: ctx.querystring, headers: ctx.req.headers, rawHeaders: ctx.req.rawHeaders, body };
    state.params = parseQueryParams(ctx.querystring, body.toString('utf8'));
    state.now = clock();
    return next();
  };
}
