// LDAPMessage responses (RFC 4511 §4). Attribute values are written as given: strings as UTF-8,
// Buffers byte for byte; DNs are written exactly as the backend spells them (no re-escaping).
import type { AttributeValue } from '../contracts/directory.ts';
import { boolean, integer, octets, tlv } from '../ber/ber.ts';

export interface ResponseControl {
  type: string;
  critical?: boolean;
  value?: Buffer;
}

export interface Result {
  resultCode: number;
  matchedDN?: string;
  diagnostic?: string;
  /** LDAP URLs, for resultCode 10 (referral). */
  referrals?: string[];
}

export const NOTICE_OF_DISCONNECTION = '1.3.6.1.4.1.1466.20036';

function envelope(id: number, op: Buffer, controls?: ResponseControl[]): Buffer {
  const parts = [integer(id), op];
  if (controls && controls.length > 0) {
    parts.push(
      tlv(
        0xa0,
        controls.map((c) => tlv(0x30, [octets(c.type), ...(c.critical ? [boolean(true)] : []), ...(c.value ? [octets(c.value)] : [])])),
      ),
    );
  }
  return tlv(0x30, parts);
}

function ldapResult(r: Result): Buffer[] {
  const parts = [integer(r.resultCode, 0x0a), octets(r.matchedDN ?? ''), octets(r.diagnostic ?? '')];
  if (r.referrals?.length) parts.push(tlv(0xa3, r.referrals.map((u) => octets(u)))); // referral [3] SEQUENCE OF URI
  return parts;
}

/** A response made only of an LDAPResult (BindResponse, SearchResultDone, ModifyResponse, …). */
export function encodeResult(id: number, tag: number, r: Result, controls?: ResponseControl[]): Buffer {
  return envelope(id, tlv(tag, ldapResult(r)), controls);
}

export function encodeBindResponse(id: number, r: Result, serverSaslCreds?: Buffer): Buffer {
  return envelope(id, tlv(0x61, [...ldapResult(r), ...(serverSaslCreds ? [octets(serverSaslCreds, 0x87)] : [])]));
}

export function encodeExtendedResponse(id: number, r: Result, name?: string, value?: Buffer): Buffer {
  const parts = ldapResult(r);
  if (name !== undefined) parts.push(octets(name, 0x8a));
  if (value !== undefined) parts.push(octets(value, 0x8b));
  return envelope(id, tlv(0x78, parts));
}

/** Unsolicited Notice of Disconnection (RFC 4511 §4.4.1), sent before closing on bad input. */
export function encodeNoticeOfDisconnection(resultCode: number, diagnostic: string): Buffer {
  return encodeExtendedResponse(0, { resultCode, diagnostic }, NOTICE_OF_DISCONNECTION);
}

export function encodeSearchEntry(id: number, dn: string, attributes: [string, AttributeValue[]][], typesOnly: boolean): Buffer {
  const attrs = attributes.map(([name, values]) =>
    tlv(0x30, [octets(name), tlv(0x31, typesOnly ? [] : values.map((v) => octets(v)))]),
  );
  return envelope(id, tlv(0x64, [octets(dn), tlv(0x30, attrs)]));
}

/** The Simple Paged Results control value: realSearchControlValue ::= SEQUENCE { size, cookie }. */
export function encodePagedValue(size: number, cookie: Buffer): Buffer {
  return tlv(0x30, [integer(size), octets(cookie)]);
}
