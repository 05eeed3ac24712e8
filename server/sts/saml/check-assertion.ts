// The checks AWS makes on a verified assertion: issuer, validity window (bounded skew), exactly one bearer
// SubjectConfirmation with Recipient and NotOnOrAfter, Recipient/Destination = our ACS, Audience = our entity id.
import { AwsError } from '../../contracts/errors.ts';
import type { AssertionFields } from './read-assertion.ts';

/** Accepted clock difference between the IdP and the broker (SAML's is undocumented by AWS). */
export const SAML_CLOCK_SKEW_SECONDS = 60;

export interface Expectations {
  issuer: string;
  /** SP entity ids accepted in AudienceRestriction. */
  audiences: readonly string[];
  /** ACS URLs accepted as SubjectConfirmationData Recipient and Response Destination. */
  recipients: readonly string[];
  now: Date;
}

const token = (m: string) => new AwsError('InvalidIdentityToken', m);
export const EXPIRED = () => new AwsError('ExpiredTokenException', 'Response has expired');

function instant(v: string | undefined, what: string): number | undefined {
  if (v === undefined) return undefined;
  const t = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(v) ? Date.parse(v) : NaN;
  if (Number.isNaN(t)) throw token(`Invalid SAML response: ${what} is not a valid dateTime`);
  return t;
}

/** Throws AWS's error for the first failed check; returns the confirmed Recipient (the result's Audience). */
export function checkAssertion(f: AssertionFields, responseIssuer: string | undefined, destination: string | undefined, e: Expectations): string {
  if (!f.id) throw token('Invalid SAML response: the Assertion has no ID');
  if (f.issuer !== e.issuer || (responseIssuer !== undefined && responseIssuer !== e.issuer)) throw token('Issuer not present in specified provider');
  const now = e.now.getTime();
  const skew = SAML_CLOCK_SKEW_SECONDS * 1000;

  const notBefore = instant(f.notBefore, 'Conditions NotBefore');
  if (notBefore !== undefined && now + skew < notBefore) throw token('Response is not yet valid');
  const notOnOrAfter = instant(f.notOnOrAfter, 'Conditions NotOnOrAfter');
  if (notOnOrAfter !== undefined && now - skew >= notOnOrAfter) throw EXPIRED();

  if (f.confirmations.length !== 1) throw token('Invalid SAML response: it must have exactly one SubjectConfirmation');
  const sc = f.confirmations[0];
  if (sc.method !== 'urn:oasis:names:tc:SAML:2.0:cm:bearer') throw token('Invalid SAML response: the SubjectConfirmation method must be bearer');
  const scEnd = instant(sc.notOnOrAfter, 'SubjectConfirmationData NotOnOrAfter');
  if (scEnd === undefined || !sc.recipient) throw token('Invalid SAML response: SubjectConfirmationData must have NotOnOrAfter and Recipient');
  if (now - skew >= scEnd) throw EXPIRED();
  const scStart = instant(sc.notBefore, 'SubjectConfirmationData NotBefore');
  if (scStart !== undefined && now + skew < scStart) throw token('Response is not yet valid');
  if (!e.recipients.includes(sc.recipient)) throw token(`Invalid SAML response: Recipient ${sc.recipient} is not this service provider's assertion consumer service`);
  if (destination !== undefined && !e.recipients.includes(destination)) throw token(`Invalid SAML response: Destination ${destination} is not this service provider's assertion consumer service`);

  if (f.audienceRestrictions.length === 0 || !f.audienceRestrictions.every((list) => list.some((a) => e.audiences.includes(a))))
    throw token('Response does not contain the required audience');
  return sc.recipient;
}
