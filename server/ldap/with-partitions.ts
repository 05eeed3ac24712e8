// The directory a listener serves: the backend's domain naming context plus the Configuration
// and Schema naming contexts (configuration-partition.ts), which the front end answers itself for
// every kind of backend (the ad-connector too: the partitions describe what this front end serves,
// and an upstream need not have them). Writes there are refused as they are to a user on a DC.
import { adError, type DirectoryBackend, type Entry, type Filter, type Scope, type SearchOptions } from '../contracts/directory.ts';
import type { ConfigurationPartition } from './configuration-partition.ts';

const WRITES = new Set<PropertyKey>(['add', 'modify', 'delete', 'modifyDN']);

export function withConfigurationPartition(backend: DirectoryBackend, partition: ConfigurationPartition): DirectoryBackend {
  const holds = (dn: unknown): boolean => {
    try {
      return typeof dn === 'string' && partition.holds(dn);
    } catch {
      return false; // a malformed DN: the backend answers it as it always has
    }
  };
  const search = (base: string, scope: Scope, filter: Filter, opts: SearchOptions): AsyncIterable<Entry> =>
    holds(base) ? partition.search(base, scope, filter, opts) : backend.search(base, scope, filter, opts);
  return new Proxy(backend, {
    get(target, prop) {
      if (prop === 'search') return search;
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      if (!WRITES.has(prop)) return value.bind(target);
      return (principal: unknown, target_: string | Entry, ...rest: unknown[]) => {
        const dn = typeof target_ === 'string' ? target_ : target_.dn;
        if (holds(dn)) return Promise.reject(adError.insufficientAccessRights());
        return value.call(target, principal, target_, ...rest);
      };
    },
  });
}
