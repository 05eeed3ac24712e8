// The JSON form of awsQuery responses, sent when a request carries `Accept: application/json` (as AWS does;
// EKS-token-style verifiers ask for it). Lists (<member> children) become arrays; timestamps epoch seconds.
import type { XmlContent, XmlNode } from '../query-protocol/xml.ts';

/** An XML result tree as JSON: <member> lists become arrays, dates epoch seconds. */
export function value(content: XmlContent): unknown {
  if (content instanceof Date) return content.getTime() / 1000;
  if (!Array.isArray(content)) return content;
  if (content.length > 0 && content.every(([n]) => n === 'member')) return content.map(([, c]) => value(c));
  return Object.fromEntries(content.map(([n, c]) => [n, value(c)]));
}

export function wantsJson(accept: string | undefined): boolean {
  return !!accept && /\bapplication\/json\b/i.test(accept) && !/\b(text|application)\/xml\b/i.test(accept);
}

export function jsonSuccess(action: string, requestId: string, result: XmlNode[] | undefined): string {
  const body: Record<string, unknown> = {};
  if (result) body[`${action}Result`] = value(result);
  body.ResponseMetadata = { RequestId: requestId };
  return JSON.stringify({ [`${action}Response`]: body });
}

export function jsonError(requestId: string, e: { type: string; code: string; message: string }): string {
  return JSON.stringify({ Error: { Code: e.code, Message: e.message, Type: e.type }, RequestId: requestId });
}
