// Search controls over a raw socket, for what ldapsearch will not send: VLV without the sort control
// (AD's LDAP_SORT_CONTROL_MISSING, 60), VLV with paged results, malformed sort and VLV values
// (protocolError), SD flags accepted even when critical, sort advertised in the RootDSE, and an
// unknown critical control still unavailableCriticalExtension (12).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BerReader, integer, octets, tlv, boolean as berBool } from '../../../server/ber/ber.ts';
import { BASE, bindReq, collect, type Harness, RawClient, searchReq, startLdap } from './harness.ts';

const present = tlv(0x87, Buffer.from('objectClass'));
const controls = (...list: [string, boolean, Buffer?][]): Buffer =>
  tlv(0xa0, list.map(([oid, critical, value]) => tlv(0x30, [octets(oid), ...(critical ? [berBool(true)] : []), ...(value ? [octets(value)] : [])])));
const sortValue = (attr: string, reverse = false) => tlv(0x30, [tlv(0x30, [octets(attr), ...(reverse ? [berBool(true, 0x81)] : [])])]);
const vlvValue = (before: number, after: number, offset: number, count: number) => tlv(0x30, [integer(before), integer(after), tlv(0xa0, [integer(offset), integer(count)])]);
const SORT = '1.2.840.113556.1.4.473';
const VLV = '2.16.840.1.113730.3.4.9';

describe('search controls over a raw socket', () => {
  let h: Harness;
  let c: RawClient;
  let id = 1;
  before(async () => {
    h = await startLdap();
    c = await RawClient.connect(h.port);
    c.send(bindReq(1, 'CORP\\admin', 'Adm1n!pass'));
    assert.equal((await c.next())?.resultCode, 0);
  });
  after(async () => {
    c?.end();
    await h?.close();
  });
  const search = async (ctl: Buffer, attrs = ['sAMAccountName']) => {
    c.send(searchReq(++id, BASE, 2, present, attrs, ctl));
    return collect(c);
  };

  it('VLV without the sort control: LDAP_SORT_CONTROL_MISSING (60), with a VLV response saying so', async () => {
    const r = await search(controls([VLV, true, vlvValue(0, 1, 1, 0)]));
    assert.equal(r.done.resultCode, 60);
    assert.equal(r.entries.length, 0);
    const resp = r.done.controls.find((x) => x.type === '2.16.840.1.113730.3.4.10');
    const v = new BerReader(resp!.value!).sequence();
    assert.deepEqual([v.integer(), v.integer(), v.enumerated()], [0, 0, 60]);
  });

  it('VLV with paged results: unwillingToPerform (53)', async () => {
    const r = await search(controls([SORT, true, sortValue('cn')], [VLV, true, vlvValue(0, 1, 1, 0)], ['1.2.840.113556.1.4.319', false, tlv(0x30, [integer(10), octets('')])]));
    assert.equal(r.done.resultCode, 53);
  });

  it('sort and VLV on the memory backend: a window of the sorted entries, reverse order honoured', async () => {
    const r = await search(controls([SORT, true, sortValue('sAMAccountName', true)], [VLV, true, vlvValue(0, 1, 1, 0)]));
    assert.equal(r.done.resultCode, 0);
    const names = r.entries.map((e) => e.attrs.get('sAMAccountName')?.[0].toString());
    assert.deepEqual(names, ['zoë', 'Ops']); // groups have sAMAccountNames too; case-insensitive: Ops before frank
  });

  it('malformed sort or VLV values: protocolError (2)', async () => {
    assert.equal((await search(controls([SORT, false, Buffer.from([0x30, 0x00])]))).done.resultCode, 2);
    assert.equal((await search(controls([SORT, true, sortValue('cn')], [VLV, true, Buffer.from([0x30, 0x01, 0x02])]))).done.resultCode, 2);
  });

  it('SD flags (1.2.840.113556.1.4.801) are accepted when critical; an unknown critical control is still 12', async () => {
    const sd = await search(controls(['1.2.840.113556.1.4.801', true, tlv(0x30, [integer(7)])]), ['nTSecurityDescriptor', 'cn']);
    assert.equal(sd.done.resultCode, 0);
    assert.ok(sd.entries.length > 5);
    assert.equal((await search(controls(['1.2.3.4.5.6', true]))).done.resultCode, 12);
    assert.equal((await search(controls(['1.2.3.4.5.6', false]))).done.resultCode, 0);
  });

  it('the RootDSE advertises sort, VLV, DirSync and SD flags', async () => {
    c.send(searchReq(++id, '', 0, present, ['supportedControl']));
    const r = await collect(c);
    const supported = r.entries[0].attrs.get('supportedControl')!.map(String);
    for (const oid of [SORT, VLV, '1.2.840.113556.1.4.841', '1.2.840.113556.1.4.801']) assert.ok(supported.includes(oid), oid);
  });
});
