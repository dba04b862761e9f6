import leven from 'leven';

/** A name as it is compared for spelling: lower case, letters and digits only. */
const squash = (name: string) =>
  name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/**
 * The candidate spelled most like `name` (case, spaces and punctuation aside),
 * when one is within two edits and half its length; not `name` itself.
 */
export function nearestName(
  name: string,
  candidates: Iterable<string>,
): string | undefined {
  const wanted = squash(name);
  let best: string | undefined;
  let distance = Math.min(2, Math.floor(wanted.length / 2));
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const d = leven(wanted, squash(candidate));
    if (d <= distance && (best === undefined || d < distance)) {
      best = candidate;
      distance = d;
    }
  }
  return best;
}
