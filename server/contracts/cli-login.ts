// The broker's answer to `idbroker login` (the token exchange of /cli/*): what the browser side writes and the
// command line reads.

/** Who signed in in the browser: the command line checks it before it writes a profile. */
export interface CliIdentity {
  Source: 'directory' | 'saml' | 'oidc';
  /** The directory id, or the IAM SAML / OIDC provider's ARN. */
  Provider: string;
  /** The directory user's DN, the SAML NameID or the OIDC `sub`. */
  Subject: string;
  DisplayName: string;
}

export interface CliCredentials {
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken: string;
  Expiration: string;
  RoleArn: string;
  AssumedRoleArn: string;
  Region: string;
  Endpoint: string;
  Identity: CliIdentity;
}
