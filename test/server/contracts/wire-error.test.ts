// toWireError: the one mapping from a thrown error to (code, status, fault type, message) that every HTTP edge
// renders in its own form. Every code of the error table maps to its row; unknown errors to the edge's internal
// code with the table's default message; an unreachable store to the retryable ServiceUnavailable.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { AWS_ERRORS, AwsError, StoreUnavailableError, type AwsErrorCode } from '../../../server/contracts/errors.ts';
import { toWireError } from '../../../server/contracts/wire-error.ts';

const UNKNOWN = 'The request processing has failed because of an unknown error, exception or failure.';

it('every code of the error table maps to its status, fault type and the message it was raised with', () => {
  const codes = Object.keys(AWS_ERRORS) as AwsErrorCode[];
  assert.ok(codes.length >= 40);
  for (const code of codes) {
    const e = toWireError(new AwsError(code, `why ${code}`));
    assert.deepEqual(e, { code, status: AWS_ERRORS[code].status, type: AWS_ERRORS[code].type, message: `why ${code}`, unexpected: false }, code);
    assert.ok(e.status >= 400 && e.status < 600, code);
    assert.equal(e.type, e.status >= 500 ? 'Receiver' : 'Sender', code);
  }
});

it("an AwsError raised without a message carries the table's default (or its code)", () => {
  assert.equal(new AwsError('Throttling').message, 'Rate exceeded');
  assert.equal(new AwsError('MissingAuthenticationToken').message, 'Request is missing Authentication Token');
  assert.equal(new AwsError('ServiceUnavailable').message, 'The service is unavailable. Please try again shortly.');
  assert.equal(new AwsError('InternalFailure').message, UNKNOWN);
  assert.equal(new AwsError('NoSuchEntity').message, 'NoSuchEntity');
});

it("/authorize's malformed-request code is in the table, with the status it always answered (400)", () => {
  assert.deepEqual(toWireError(new AwsError('InvalidRequest', 'bad')), { code: 'InvalidRequest', status: 400, type: 'Sender', message: 'bad', unexpected: false });
});

it('unknown errors (and thrown non-errors) become the internal code with the default message, flagged for the log', () => {
  for (const thrown of [new Error('db row 7 is corrupt'), new TypeError("Cannot read properties of undefined (reading 'x')"), 'a string', undefined]) {
    assert.deepEqual(toWireError(thrown), { code: 'InternalFailure', status: 500, type: 'Receiver', message: UNKNOWN, unexpected: true });
  }
  assert.deepEqual(toWireError(new Error('x'), { internal: 'ServiceFailure' }), { code: 'ServiceFailure', status: 500, type: 'Receiver', message: UNKNOWN, unexpected: true });
  assert.equal(toWireError(new Error('x'), { messages: { InternalFailure: 'The portal could not complete the request.' } }).message, 'The portal could not complete the request.');
});

it('an unreachable store, directly or as a cause, is the retryable ServiceUnavailable (503); nothing from below leaks', () => {
  const down = new StoreUnavailableError('The PostgreSQL store could not be reached', { cause: new Error('connect ECONNREFUSED 127.0.0.1:5432') });
  for (const thrown of [down, new Error('query failed', { cause: down })]) {
    const e = toWireError(thrown, { internal: 'ServiceFailure' });
    assert.deepEqual(e, { code: 'ServiceUnavailable', status: 503, type: 'Receiver', message: 'The service is unavailable. Please try again shortly.', unexpected: true });
  }
  assert.equal(toWireError(down, { messages: { ServiceUnavailable: 'The broker cannot reach its store.' } }).message, 'The broker cannot reach its store.');
  // a broker error that says what went wrong keeps its code, even when the store's failure is its cause
  const said = new AwsError('IDPCommunicationError', 'The OpenID provider could not be reached.', { cause: down });
  assert.equal(toWireError(said).code, 'IDPCommunicationError');
});
