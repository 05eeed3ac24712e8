// `AKID/yyyymmdd/region/service/aws4_request`, the Credential part of every SigV4 request.
import { incompleteSignature, msg } from './messages.ts';
import type { SigV4Auth } from './types.ts';

export interface CredentialScope {
  accessKeyId: string;
  scopeDate: string;
  region: string;
  service: string;
  terminator: string;
}

/** Splits a credential into its five elements (trailing slashes ignored, as AWS does). */
export function parseCredential(credential: string): CredentialScope {
  let end = credential.length;
  while (end > 0 && credential.charCodeAt(end - 1) === 0x2f) end--;
  const parts = credential.slice(0, end).split('/');
  if (parts.length !== 5) throw incompleteSignature(msg.credentialElements(credential));
  return { accessKeyId: parts[0], scopeDate: parts[1], region: parts[2], service: parts[3], terminator: parts[4] };
}

/**
 * The parsed SigV4 fields of a header-signed or presigned request. Fields spelled out: an object spread here costs
 * more than the whole parse.
 */
export function sigV4Auth(
  credential: string,
  signedHeaders: string,
  signature: string,
  amzDate: Date,
  amzDateText: string,
  presigned: boolean,
): SigV4Auth {
  const scope = parseCredential(credential);
  return {
    accessKeyId: scope.accessKeyId,
    scopeDate: scope.scopeDate,
    region: scope.region,
    service: scope.service,
    terminator: scope.terminator,
    signedHeaders: signedHeaders === '' ? [] : signedHeaders.split(';'),
    signature,
    amzDate,
    amzDateText,
    presigned,
  };
}
