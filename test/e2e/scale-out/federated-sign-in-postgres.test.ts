// A federated sign-in started on one replica finishes on another: two brokers sharing one PostgreSQL database.
import { createTestDatabase } from '../../helpers/postgres.ts';
import { describeCrossReplicaSignIn } from '../../server/http/login-routes/cross-replica.ts';

describeCrossReplicaSignIn('federated sign-in across two replicas on PostgreSQL', async () => {
  const db = await createTestDatabase('idbroker_federated');
  return { postgres: db.url, drop: db.drop };
});
