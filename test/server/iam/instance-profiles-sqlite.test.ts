import { instanceProfileSuite } from '../../contracts/iam-instance-profiles.ts';

instanceProfileSuite('SQLite', async () => ({}));
