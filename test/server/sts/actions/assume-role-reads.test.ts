// AssumeRole reads the role once per request: the authorization table's read (for the resource's tags) is the
// one the action uses for the trust policy, not a second round trip to the store.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { CreateRoleCommand } from '@aws-sdk/client-iam';
import { startTestBroker, ADMIN_KEY } from '../../../helpers/broker.ts';
import { sendQuery } from '../../../helpers/aws-signer.ts';
import { client, TRUST } from '../../../contracts/iam-api.ts';

it('reads the assumed role from the store once, and still refuses a role that is gone', async () => {
  const b = await startTestBroker();
  try {
    const iam = client(b);
    await iam.send(new CreateRoleCommand({ RoleName: 'Once', AssumeRolePolicyDocument: TRUST }));
    iam.destroy();
    const entities = b.store.entities;
    const get = entities.get.bind(entities);
    const roleReads: string[] = [];
    entities.get = ((account: string, kind: string, key: string) => {
      if (kind === 'role') roleReads.push(`${account}/${key}`);
      return get(account, kind, key);
    }) as typeof entities.get;
    const body = (name: string) => `Action=AssumeRole&Version=2011-06-15&RoleArn=${encodeURIComponent(`arn:aws:iam::111122223333:role/${name}`)}&RoleSessionName=once`;
    const ok = await sendQuery(b.httpUrl, body('Once'), ADMIN_KEY, { service: 'sts' });
    assert.equal(ok.status, 200, ok.text);
    assert.deepEqual(roleReads, ['111122223333/once']);
    const missing = await sendQuery(b.httpUrl, body('Gone'), ADMIN_KEY, { service: 'sts' });
    assert.equal(missing.status, 403, missing.text);
    assert.match(missing.text, /<Code>AccessDenied<\/Code>/);
  } finally {
    await b.destroy();
  }
});
