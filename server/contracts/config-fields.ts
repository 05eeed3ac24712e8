// Building blocks of the config schema (config/schema.ts) and of the adapters' own config sections
// (adapters/*/*/config-schema.ts): numbers and booleans that may arrive as strings (after ${VAR}
// interpolation), optional values where "" means absent, names, paths and tags.
import { resolve } from 'node:path';
import { z } from 'zod';

/** Schema-level wording that leaves a missing value to the generic "required". */
export const expecting = (message: string) => ({
  error: (iss: { input?: unknown }) => (iss.input === undefined ? undefined : message),
});

const NUMBER_TEXT = /^\s*[-+]?\d+(\.\d+)?\s*$/;
const toNumber = (v: unknown) => (typeof v === 'string' && NUMBER_TEXT.test(v) ? Number(v) : v);

/** An integer in [min, max]; a number-like string (e.g. from "${PORT:-8080}") is accepted. */
export function integer(min: number, max: number, message = `expected an integer from ${min} to ${max}`) {
  const e = expecting(message);
  return z.preprocess(toNumber, z.number(e).int(e).min(min, e).max(max, e));
}

export const port = () => integer(0, 65535, 'expected a port number from 0 to 65535');

/** true/false, also as the strings "true"/"false" (any case). */
export function boolean() {
  return z.preprocess(
    (v) => (typeof v === 'string' && /^(true|false)$/i.test(v.trim()) ? v.trim().toLowerCase() === 'true' : v),
    z.boolean(expecting('expected true or false')),
  );
}

/** An optional value for which an empty string (e.g. "${SECRET:-}") means "not given". */
export function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional()).optional();
}

export const text = () => z.string().min(1);

export function matching(re: RegExp, message: string) {
  return z.string().regex(re, { error: message });
}

export const hostName = () =>
  matching(/^[A-Za-z0-9.:_[\]%-]+$/, 'expected a host name or IP address');

export const accountId = () =>
  z.preprocess(
    (v) => (typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : v),
    matching(/^\d{12}$/, 'expected a 12-digit account id (quote it to keep leading zeros)'),
  );

/** An account's id or alias; resolved to the id during normalisation. */
export const accountRef = () =>
  z.preprocess(
    (v) => (typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : v),
    matching(/^(\d{12}|[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9])$/, 'expected an account id or alias'),
  );

export const iamPath = () =>
  matching(/^(\/|\/[\x21-\x7e]{1,510}\/)$/, 'expected "/" or a path like "/division/team/"');

export const iamName = (max: number) =>
  matching(new RegExp(`^[\\w+=,.@-]{1,${max}}$`), `expected 1 to ${max} letters, digits or + = , . @ _ -`);

export const policyArn = () =>
  matching(
    /^arn:aws[\w-]*:iam::(aws|\d{12}):policy\/([\x21-\x7e]*\/)?[\w+=,.@-]{1,128}$/,
    'expected a managed policy ARN like "arn:aws:iam::111122223333:policy/Name"',
  );

/** A file path, resolved to absolute against the process working directory. */
export const filePath = () => text().transform((p) => resolve(p));

const TAG_KEY = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u;
const TAG_VALUE = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{0,256}$/u;

/** Tags as a mapping; numbers are taken as their text. At most 50, AWS's limit. */
export const tags = () =>
  z
    .record(
      z.string().regex(TAG_KEY, { error: 'expected a tag key of 1 to 128 letters, digits, spaces or _ . : / = + - @' }),
      z.preprocess(
        (v) => (typeof v === 'number' ? String(v) : v),
        matching(TAG_VALUE, 'expected a tag value of at most 256 letters, digits, spaces or _ . : / = + - @'),
      ),
    )
    .refine((t) => Object.keys(t).length <= 50, 'expected at most 50 tags')
    .default({});

/** Session tags from identity attributes: tag key → claim or attribute name. */
export const sessionTags = () =>
  z.record(z.string().regex(TAG_KEY, { error: 'expected a tag key of 1 to 128 letters, digits, spaces or _ . : / = + - @' }), text()).default({});

export const list = <T extends z.ZodType>(item: T) => z.array(item).default([]);

/** Tolerant check run even when other keys of the object have problems. */
export const always = { when: () => true };
