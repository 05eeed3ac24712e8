import { directoryBackendContract } from '../../contracts/directory-backend.ts';
import { MemoryBackend } from '../../fixtures/ldap/memory-backend.ts';

directoryBackendContract('in-memory test backend', async (seed) => new MemoryBackend(seed));
