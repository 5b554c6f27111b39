/**
 * The lines that differ between two texts, as one changed block (what a reviewer sees in a diff):
 * the common lines at the start and at the end are left out, `removed` is what stood between them
 * in `before` and `added` what stands there in `after`.
 */
export function lineDiff(before: string, after: string): { added: string[]; removed: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return { added: b.slice(start, endB), removed: a.slice(start, endA) };
}
