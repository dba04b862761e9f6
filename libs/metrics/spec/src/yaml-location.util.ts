import {
  type Document,
  isMap,
  isScalar,
  isSeq,
  type LineCounter,
  type Node,
} from 'yaml';

import type { YamlPath } from './metric-fields.util';

/**
 * The line (1-based) where a key path starts in a YAML document: the key's
 * own line for a map entry, the item's for a sequence entry. A path that is
 * not in the text (a default, a missing key) falls back to its nearest
 * enclosing node.
 */
export function lineOf(
  doc: Document,
  lineCounter: LineCounter,
  path: YamlPath,
): number {
  for (let depth = path.length; depth > 0; depth--) {
    const offset = startOf(doc, path.slice(0, depth));
    if (offset !== undefined) return lineCounter.linePos(offset).line;
  }
  const top = doc.contents?.range?.[0];
  return top === undefined ? 1 : lineCounter.linePos(top).line;
}

function startOf(doc: Document, path: YamlPath): number | undefined {
  const parent: unknown = doc.getIn(path.slice(0, -1), true);
  const step = path[path.length - 1];
  if (isMap(parent)) {
    const pair = parent.items.find(
      (item) => isScalar(item.key) && String(item.key.value) === String(step),
    );
    return (pair?.key as Node | undefined)?.range?.[0];
  }
  if (isSeq(parent) && typeof step === 'number') {
    return (parent.items[step] as Node | undefined)?.range?.[0];
  }
  return undefined;
}
