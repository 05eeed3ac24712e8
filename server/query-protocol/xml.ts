// A tiny XML tree and renderer for AWS Query responses: 2-space indent, no whitespace inside leaf text.
export type XmlContent = string | number | boolean | Date | XmlNode[];
export type XmlNode = readonly [name: string, content: XmlContent, attrs?: Record<string, string>];

/** Text content: only what XML requires (AWS leaves quotes bare in text). */
export function escapeXml(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

function escapeAttr(s: string): string {
  return escapeXml(s).replace(/"/g, '&quot;');
}

/** AWS timestamps: ISO 8601 UTC without fractional seconds. */
export function isoSeconds(d: Date | string): string {
  return (typeof d === 'string' ? new Date(d) : d).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function leaf(v: string | number | boolean | Date): string {
  if (v instanceof Date) return isoSeconds(v);
  return escapeXml(String(v));
}

export function renderXml(node: XmlNode, indent = ''): string {
  const [name, content, attrs] = node;
  const a = attrs ? Object.entries(attrs).map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('') : '';
  if (!Array.isArray(content)) return `${indent}<${name}${a}>${leaf(content as string)}</${name}>\n`;
  if (content.length === 0) return `${indent}<${name}${a}/>\n`;
  const inner = content.map((c) => renderXml(c, indent + '  ')).join('');
  return `${indent}<${name}${a}>\n${inner}${indent}</${name}>\n`;
}

/** Builds an element only when the value is present (AWS omits absent optional members). */
export function opt(name: string, v: string | number | boolean | Date | undefined | null): XmlNode[] {
  return v === undefined || v === null ? [] : [[name, v]];
}

/** A list the awsQuery way: <Name><member>…</member></Name>. */
export function members<T>(name: string, items: readonly T[], render: (item: T) => XmlContent): XmlNode {
  return [name, items.map((i) => ['member', render(i)] as XmlNode)];
}

export function successResponse(action: string, namespace: string, requestId: string, result: XmlNode[] | undefined): string {
  const body: XmlNode[] = [];
  if (result) body.push([`${action}Result`, result]);
  body.push(['ResponseMetadata', [['RequestId', requestId]]]);
  return renderXml([`${action}Response`, body, { xmlns: namespace }]);
}

export function errorResponse(namespace: string, requestId: string, e: { type: string; code: string; message: string }): string {
  return renderXml([
    'ErrorResponse',
    [
      ['Error', [['Type', e.type], ['Code', e.code], ['Message', e.message]]],
      ['RequestId', requestId],
    ],
    { xmlns: namespace },
  ]);
}
