// The outermost step: once the request is answered, its CloudTrail-shaped record (every call that names an
// action, success or failure; not the 503s, which the caller retries and which may be why nothing can be written).
import type { AuditLog } from '../../audit/audit-log.ts';
import { DENIED_CODES, newEventId, redact, userIdentity } from '../../audit/event.ts';
import { value } from '../json-response.ts';
import type { Step } from '../pipeline.ts';
import type { QueryState } from './state.ts';

const READ_ONLY = /^(Get|List|Simulate|Decode|Lookup)/;
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

function requestParameters(params: ReadonlyMap<string, string> | undefined): Record<string, unknown> | null {
  if (!params) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of params) if (k !== 'Action' && k !== 'Version') out[k.split('.').map(lowerFirst).join('.')] = v;
  return Object.keys(out).length ? (redact(out) as Record<string, unknown>) : null;
}

export function recordAudit(audit: AuditLog | undefined, region: string): Step<QueryState> {
  return async function recordAudit(ctx, state, next) {
    try {
      await next();
    } finally {
      const { actionName, failure, service, result } = state;
      if (audit && actionName && failure?.code !== 'ServiceUnavailable') {
        const readOnly = READ_ONLY.test(actionName);
        audit.record({
          eventVersion: '1.08',
          eventTime: state.started.toISOString().replace(/\.\d{3}Z$/, 'Z'),
          eventSource: `${service.name}.amazonaws.com`,
          eventName: actionName,
          awsRegion: region,
          sourceIPAddress: ctx.ip,
          userAgent: ctx.get('user-agent') || undefined,
          userIdentity: userIdentity(state.caller),
          requestParameters: requestParameters(state.params),
          responseElements: result && (!readOnly || service.name === 'sts') ? redact(value(result)) : null,
          ...(failure ? { errorCode: failure.code, errorMessage: failure.message.replace(/ Encoded authorization failure message: .*$/s, '') } : {}),
          requestID: state.requestId,
          eventID: newEventId(),
          readOnly,
          denied: failure !== undefined && DENIED_CODES.has(failure.code),
        });
      }
    }
  };
}
