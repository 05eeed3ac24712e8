// JSON.parse keeps the last of two equal keys; IAM refuses a document where a key repeats (two Effects, two
// StringEquals blocks …). This scans valid JSON text for the first repeated key and returns its path.

export function findDuplicateKey(text: string): string | undefined {
  const stack: Array<{ keys: Set<string> | null; path: string; index: number; pendingKey?: string }> = [];
  let expectKey = false;
  const childPath = () => {
    const top = stack[stack.length - 1];
    if (!top) return '';
    const seg = top.keys ? (top.pendingKey ?? '') : `[${top.index}]`;
    return top.keys ? (top.path ? `${top.path}.${seg}` : seg) : `${top.path}${seg}`;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const top = stack[stack.length - 1];
      if (expectKey && top?.keys) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (top.keys.has(key)) return top.path ? `${top.path}.${key}` : key;
        top.keys.add(key);
        top.pendingKey = key;
        expectKey = false;
      }
      i = j;
    } else if (ch === '{' || ch === '[') {
      stack.push({ keys: ch === '{' ? new Set() : null, path: childPath(), index: 0 });
      expectKey = ch === '{';
    } else if (ch === '}' || ch === ']') {
      stack.pop();
    } else if (ch === ',') {
      const top = stack[stack.length - 1];
      if (top?.keys) expectKey = true;
      else if (top) top.index++;
    }
  }
  return undefined;
}
