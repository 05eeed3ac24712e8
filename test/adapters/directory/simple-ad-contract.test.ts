// simple-ad on SQLite passes the DirectoryBackend contract.
import { openSqliteStore } from '../../../adapters/store/sqlite/index.ts';
import { directoryBackendContract } from '../../contracts/directory-backend.ts';
import { openOn } from './simple-ad-helpers.ts';

directoryBackendContract('simple-ad (sqlite)', async (seed) => (await openOn(await openSqliteStore(':memory:'), seed)).backend);
