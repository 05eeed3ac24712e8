import { describeCrossReplicaCliLogin } from './cross-replica.ts';

describeCrossReplicaCliLogin('idbroker login across two replicas (SQLite, shared data directory)', async () => ({}));
