// `idbroker credential-process --profile NAME [--url URL] [--role ARN] [--provider P] [--duration S]`: AWS's
// credential_process protocol. Prints {"Version":1,"AccessKeyId":…,"SecretAccessKey":…,"SessionToken":…,"Expiration":…}
// reusing cached credentials until five minutes before they expire, and signing in again (browser, or
// --no-browser) when they are too old — with the options given, else the idbroker_* keys `idbroker login`
// stored in the profile. It never writes static keys into ~/.aws/credentials: they would shadow
// credential_process for that profile once they expire.
import { awsPaths, type AwsPaths, configSection, readIniSection } from './aws-files.ts';
import { readCachedCredentials } from './credential-cache.ts';
import { login, LoginError, type LoginOptions } from './login.ts';

export const REFRESH_MARGIN_MS = 5 * 60_000;

type Settings = Partial<Pick<LoginOptions, 'url' | 'role' | 'provider' | 'duration' | 'region'>>;

export async function credentialProcess(o: { profile: string; paths?: AwsPaths; now?: number } & Settings & Pick<LoginOptions, 'open' | 'say' | 'noBrowser' | 'timeoutMs' | 'minPollMs'>): Promise<string> {
  const paths = o.paths ?? awsPaths();
  let creds = readCachedCredentials(paths, o.profile, o.now ?? Date.now(), REFRESH_MARGIN_MS);
  if (!creds) {
    const cfg = readIniSection(paths.config, configSection(o.profile)) ?? {};
    const url = o.url ?? cfg.idbroker_url;
    if (!url) throw new LoginError(`profile "${o.profile}" has no idbroker_url: pass --url, or run idbroker login --url URL --profile ${o.profile} once`);
    const role = o.role ?? cfg.idbroker_role;
    const provider = o.provider ?? cfg.idbroker_provider;
    const duration = o.duration ?? (cfg.idbroker_duration ? Number(cfg.idbroker_duration) : undefined);
    const region = o.region ?? cfg.region;
    creds = await login({
      url,
      profile: o.profile,
      writeProfile: false,
      ...(role ? { role } : {}),
      ...(provider ? { provider } : {}),
      ...(duration ? { duration } : {}),
      ...(region ? { region } : {}),
      paths,
      open: o.open,
      say: o.say,
      ...(o.noBrowser ? { noBrowser: true } : {}),
      ...(o.timeoutMs ? { timeoutMs: o.timeoutMs } : {}),
      ...(o.minPollMs ? { minPollMs: o.minPollMs } : {}),
    });
  }
  return JSON.stringify({ Version: 1, AccessKeyId: creds.AccessKeyId, SecretAccessKey: creds.SecretAccessKey, SessionToken: creds.SessionToken, Expiration: creds.Expiration });
}
