import { iamApiSuite } from '../../contracts/iam-api.ts';

iamApiSuite('SQLite', async () => ({}));
