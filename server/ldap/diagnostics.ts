// AD-format diagnostic messages produced by the front end itself (reference §2.3, §2.4).
// Keycloak's MSAD mapper parses `data <code>, v` out of bind failures, so keep the shape exact;
// real AD ends these strings with a NUL character, and so do we.
import { type AdBindCode, LdapError } from '../contracts/directory.ts';

/** Windows Server 2019 build 17763 in hex, as AWS Managed AD reports it. */
export const AD_VERSION_SUFFIX = 'v4563';

export function bindFailureMessage(adCode: AdBindCode, sasl = false): string {
  const hresult = sasl ? '8009030C' : '80090308';
  return `${hresult}: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data ${adCode}, ${AD_VERSION_SUFFIX}\u0000`;
}

/** AD's text for a control it cannot process (a malformed value, a missing companion control). */
export const CONTROL_ERROR = `00000057: LdapErr: DSID-0C090C2B, comment: Error processing control, data 0, ${AD_VERSION_SUFFIX}\u0000`;

export const frontEndError = {
  notBound: () =>
    new LdapError(
      'operationsError',
      `000004DC: LdapErr: DSID-0C090A5C, comment: In order to perform this operation a successful bind must be completed on the connection., data 0, ${AD_VERSION_SUFFIX}\u0000`,
    ),
  unauthenticatedBind: () => new LdapError('unwillingToPerform', 'Unauthenticated binds are not allowed'),
  unknownExtendedOperation: () =>
    new LdapError('protocolError', `0000203D: LdapErr: DSID-0C091116, comment: Unknown extended request OID, data 0, ${AD_VERSION_SUFFIX}\u0000`),
  unsupportedCriticalControl: (oid: string) =>
    new LdapError('unavailableCriticalExtension', `00000057: LdapErr: DSID-0C090B05, comment: Error processing control ${oid}, data 0, ${AD_VERSION_SUFFIX}\u0000`),
  secureChannelRequired: () =>
    new LdapError('unwillingToPerform', '0000001F: SvcErr: DSID-031A126C, problem 5003 (WILL_NOT_PERFORM), data 0\n'),
  notSupported: () => new LdapError('unwillingToPerform', '00002035: LdapErr: DSID-0C090FB8, comment: Operation not supported by this directory, data 0, v4563\u0000'),
};
