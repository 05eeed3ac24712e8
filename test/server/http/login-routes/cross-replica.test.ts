// A federated sign-in started on one replica finishes on another: two brokers sharing one SQLite store.
import { describeCrossReplicaSignIn } from './cross-replica.ts';

describeCrossReplicaSignIn('federated sign-in across two replicas (shared SQLite store)', async () => ({}));
