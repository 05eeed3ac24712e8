import { accountSuite } from '../../contracts/iam-account.ts';

accountSuite('SQLite', async () => ({}));
