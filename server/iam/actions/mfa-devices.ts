// CreateVirtualMFADevice, EnableMFADevice (two consecutive codes), DeactivateMFADevice,
// ListMFADevices, ListVirtualMFADevices, DeleteVirtualMFADevice. Seeds are sealed at rest.
import { AwsError } from '../../contracts/errors.ts';
import { members, opt, type XmlNode } from '../../query-protocol/xml.ts';
import { defineAction, type ActionContext, type IamAction } from '../action.ts';
import { iamArn } from '../arn.ts';
import { IamModel, MFA_DEVICE, MFA_DEVICE_USED_STEP, type MfaDeviceData } from '../model.ts';
import { C, readPaging } from '../params.ts';
import { paginate } from '../paging.ts';
import { pagingXml, tagsXml } from '../render.ts';
import { consecutiveCodes, newTotpSeed } from '../../totp/totp.ts';
import { insertOrExists, requirePrincipal } from './common.ts';
import { checkTags } from './tags.ts';

async function requireDevice(ctx: ActionContext, serial: string): Promise<MfaDeviceData> {
  const d = await ctx.store.entities.get<MfaDeviceData>(ctx.account, MFA_DEVICE, serial);
  if (!d) throw new AwsError('NoSuchEntity', `VirtualMFADevice with serial number ${serial} doesn't exist.`);
  return d.data;
}

const save = (ctx: ActionContext, d: MfaDeviceData) => ctx.store.entities.update({ account: ctx.account, kind: MFA_DEVICE, key: d.serialNumber, parent: d.userName?.toLowerCase() ?? null, data: d });

export const CreateVirtualMFADevice = defineAction({
  name: 'CreateVirtualMFADevice',
  writes: true,
  parse: (r) => ({ name: r.required('VirtualMFADeviceName', C.virtualMfaDeviceName), path: r.optional('Path', C.path) ?? '/', tags: r.tags() ?? [] }),
  async run(p, ctx) {
    checkTags(p.tags);
    const seed = newTotpSeed();
    const serialNumber = iamArn(ctx.account, 'mfa', p.path, p.name);
    const data: MfaDeviceData = { serialNumber, name: p.name, path: p.path, sealedSeed: ctx.keys.seal(seed, serialNumber), createDate: ctx.now.toISOString(), tags: p.tags };
    await insertOrExists(() => ctx.store.entities.insert({ account: ctx.account, kind: MFA_DEVICE, key: serialNumber, data }), 'MFADevice entity at the same path and name already exists.');
    // Base32StringSeed is a blob: the base32 seed, base64-encoded on the wire.
    return [['VirtualMFADevice', [['SerialNumber', serialNumber], ['Base32StringSeed', Buffer.from(seed).toString('base64')], ...tagsXml(p.tags)]]];
  },
});

export const EnableMFADevice = defineAction({
  name: 'EnableMFADevice',
  writes: true,
  parse: (r) => ({
    userName: r.required('UserName', C.existingUserName),
    serial: r.required('SerialNumber', C.serialNumber),
    code1: r.required('AuthenticationCode1', C.authenticationCode),
    code2: r.required('AuthenticationCode2', C.authenticationCode),
  }),
  async run(p, ctx) {
    const user = await requirePrincipal(new IamModel(ctx.store), ctx.account, 'user', p.userName);
    const d = await requireDevice(ctx, p.serial);
    if (d.enabledDate) throw new AwsError('EntityAlreadyExists', 'MFA Device is already in use.');
    if (!consecutiveCodes(ctx.keys.open(d.sealedSeed, d.serialNumber), p.code1, p.code2, ctx.now)) throw new AwsError('InvalidAuthenticationCode', 'Authentication code for device is not valid.');
    await save(ctx, { ...d, userName: user.name, enabledDate: ctx.now.toISOString() });
    return undefined;
  },
});

export const DeactivateMFADevice = defineAction({
  name: 'DeactivateMFADevice',
  writes: true,
  parse: (r) => ({ userName: r.required('UserName', C.existingUserName), serial: r.required('SerialNumber', C.serialNumber) }),
  async run(p, ctx) {
    const d = await requireDevice(ctx, p.serial);
    if (!d.userName || d.userName.toLowerCase() !== p.userName.toLowerCase()) throw new AwsError('NoSuchEntity', `MFA Device with serial number ${p.serial} does not exist.`);
    const { userName: _u, enabledDate: _e, ...rest } = d;
    await save(ctx, rest);
    return undefined;
  },
});

export const ListMFADevices = defineAction({
  name: 'ListMFADevices',
  writes: false,
  parse: (r) => ({ userName: r.optional('UserName', C.existingUserName), ...readPaging(r) }),
  async run(p, ctx) {
    const name = p.userName ?? ctx.caller.userName;
    if (!name) throw new AwsError('ValidationError', 'Must specify userName when calling with non-User credentials');
    const user = await requirePrincipal(new IamModel(ctx.store), ctx.account, 'user', name);
    const devices = (await ctx.store.entities.list<MfaDeviceData>(ctx.account, MFA_DEVICE, { parent: user.name.toLowerCase() })).map((r) => r.data).filter((d) => d.enabledDate);
    const page = paginate(devices, (d) => d.serialNumber, p.marker, p.maxItems);
    return [members('MFADevices', page.items, (d) => [['UserName', user.name], ['SerialNumber', d.serialNumber], ['EnableDate', new Date(d.enabledDate!)]]), ...pagingXml(page.isTruncated, page.marker)];
  },
});

export const ListVirtualMFADevices = defineAction({
  name: 'ListVirtualMFADevices',
  writes: false,
  parse: (r) => ({ status: r.enumOf('AssignmentStatus', ['Assigned', 'Unassigned', 'Any'] as const) ?? 'Any', ...readPaging(r) }),
  async run(p, ctx) {
    const m = new IamModel(ctx.store);
    const all = (await ctx.store.entities.list<MfaDeviceData>(ctx.account, MFA_DEVICE)).map((r) => r.data).filter((d) => p.status === 'Any' || (p.status === 'Assigned') === Boolean(d.enabledDate));
    const page = paginate(all, (d) => d.serialNumber, p.marker, p.maxItems);
    const users = new Map<string, Awaited<ReturnType<typeof m.getPrincipal>>>();
    for (const d of page.items) if (d.userName) users.set(d.userName, await m.getPrincipal(ctx.account, 'user', d.userName));
    return [
      members('VirtualMFADevices', page.items, (d) => {
        const u = d.userName ? users.get(d.userName)?.data : undefined;
        const user: XmlNode[] = u ? [['User', [['Path', u.path], ['UserName', u.name], ['UserId', u.id], ['Arn', u.arn], ['CreateDate', new Date(u.createDate)]]]] : [];
        return [['SerialNumber', d.serialNumber], ...user, ...opt('EnableDate', d.enabledDate ? new Date(d.enabledDate) : undefined)];
      }),
      ...pagingXml(page.isTruncated, page.marker),
    ];
  },
});

export const DeleteVirtualMFADevice = defineAction({
  name: 'DeleteVirtualMFADevice',
  writes: true,
  parse: (r) => ({ serial: r.required('SerialNumber', C.serialNumber) }),
  async run(p, ctx) {
    const d = await requireDevice(ctx, p.serial);
    if (d.enabledDate) throw new AwsError('DeleteConflict', 'MFA device is in use and cannot be deleted. Deactivate the device first.');
    await ctx.store.transaction(async (tx) => {
      await tx.entities.delete(ctx.account, MFA_DEVICE, d.serialNumber);
      await tx.entities.deleteByParent(ctx.account, [MFA_DEVICE_USED_STEP], d.serialNumber);
    });
    return undefined;
  },
});

export const mfaActions: IamAction[] = [CreateVirtualMFADevice, EnableMFADevice, DeactivateMFADevice, ListMFADevices, ListVirtualMFADevices, DeleteVirtualMFADevice] as IamAction[];
