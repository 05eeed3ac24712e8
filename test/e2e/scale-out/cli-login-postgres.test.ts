// `idbroker login` started on one replica completes on another: two brokers sharing one PostgreSQL database.
import { createTestDatabase } from '../../helpers/postgres.ts';
import { describeCrossReplicaCliLogin } from '../../server/login-command/cross-replica.ts';

describeCrossReplicaCliLogin('idbroker login across two replicas on PostgreSQL', async () => {
  const db = await createTestDatabase('idbroker_cli_login');
  return { postgres: db.url, drop: db.drop };
});
