// What a Query API action (IAM or STS) is: parse and validate parameters → authorize with the policy
// engine → act → result XML. No action knows about HTTP.
import type { DirectoryBackend } from '../contracts/directory.ts';
import type { Store } from '../contracts/store.ts';
import type { DirectoryMfa } from '../directory-mfa/directory-mfa.ts';
import type { XmlNode } from '../query-protocol/xml.ts';
import type { KeyRing } from '../keys/keyring.ts';
import type { Authorizer } from './authorizer.ts';
import type { Caller } from './caller.ts';
import type { ParamReader } from './params.ts';
import type { RequestAuthorization } from './request-authorization.ts';

export interface RequestInfo {
  sourceIp: string;
  secureTransport: boolean;
  /** The region of the signature's credential scope (or the broker's region when unsigned). */
  region: string;
  userAgent?: string;
}

export interface ActionContext {
  readonly store: Store;
  readonly keys: KeyRing;
  /** Undefined only for the unsigned actions (AssumeRoleWithSAML, AssumeRoleWithWebIdentity). */
  readonly caller: Caller;
  readonly requestId: string;
  readonly now: Date;
  /** The account the call acts on: the caller's. */
  readonly account: string;
  readonly authorizer: Authorizer;
  readonly request: RequestInfo;
  /** Tells every cache that state changed (call after a successful write). */
  readonly changed: () => void;
  /** Broker-wide services that some actions need (revocation list, clock-independent settings…). */
  readonly services: ActionServices;
  /**
   * The action's row of the authorization table resolved for this request: resource ARN and condition keys
   * (server/iam/authorization-table.ts). Actions that authorize themselves (AssumeRole) use it.
   */
  readonly authorization?: RequestAuthorization;
}

export interface ActionServices {
  region: string;
  /** The URL clients and IdPs use to reach the broker (config http.publicUrl, with the real port when it was 0). */
  publicUrl: string;
  revokeChanged?: () => void;
  /** The accounts the config declares (id and alias). */
  accounts?: ReadonlyArray<{ id: string; alias?: string }>;
  /** Per-directory login settings from the config: session tags from attributes (tag key → attribute). */
  directorySettings?: ReadonlyMap<string, { sessionTags: Record<string, string>; transitiveTagKeys: string[] }>;
  /** The directories this broker serves, by id (for directory logins). */
  directories?: ReadonlyMap<string, DirectoryBackend>;
  /** The MFA requirement of each directory that has one (config `mfa`), by directory id. */
  directoryMfa?: ReadonlyMap<string, DirectoryMfa>;
}

export interface IamAction<P = unknown> {
  readonly name: string;
  /** Reads the parameters; violations are collected by the reader and thrown after parse. */
  parse(r: ParamReader, ctx: ActionContext): P;
  /**
   * Custom authorization (e.g. AssumeRole: identity policy and trust policy; GetCallerIdentity: none).
   * Absent: the caller's policies must allow the action of its row in server/iam/authorization-table.ts, on
   * the resource ARN and with the condition keys that row derives from the request (ctx.authorization).
   */
  authorize?(p: P, ctx: ActionContext): Promise<void>;
  /** Carries the action out; returns the <ActionResult> children, or undefined for none. */
  run(p: P, ctx: ActionContext): Promise<XmlNode[] | undefined>;
  /** True for actions that change state (their success invalidates caches). */
  readonly writes: boolean;
}

export function defineAction<P>(a: IamAction<P>): IamAction<P> {
  return a;
}
