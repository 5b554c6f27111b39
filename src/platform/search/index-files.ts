/**
 * What the files of a Pagefind index are, read from the index itself.
 *
 * Pagefind names each fragment (a page's text for its result), word index chunk and filter index
 * `<language>_<hash>`, where the hash is the start of the SHA-1 of the file's bytes before
 * compression (each byte in hex, without a leading zero), and never writes such a file again when
 * one of that name is in its output folder already (it takes the bytes as the same). Compressing
 * the Indonesian chunks and fragments again took about 3.5 s of a publish's indexing at 10,000
 * entries, while a publish changes two fragments and a few dozen of 162 chunks. So the search
 * index (src/integrations/pagefind.ts) copies the kept index's fragments and chunks into the new
 * run's folder first, and removes afterwards the ones the new index no longer names, which it
 * reads here from the language's metadata file (pagefind.<hash>.pf_meta: gzip, then
 * "pagefind_dcd", then CBOR).
 *
 * Anything here that is not as Pagefind 1.x writes it gives null or false, and the caller indexes
 * from an empty folder instead.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';

/** What every file of Pagefind's that it compresses starts with, once uncompressed. */
const MAGIC = Buffer.from('pagefind_dcd');

/**
 * How many hex digits Pagefind keeps of a hash. A file whose first digits another file of the
 * same run already has gets more; which of the two gets the short name follows the order of the
 * pages, so two runs can give one name to two different files. Such files are not reused.
 */
export const SHORT_HASH = 7;

/** The hash in the name of a fragment, word index chunk or filter index (relative, with `/`). */
export function hashOfName(name: string): string | null {
  const match = /^(fragment|index|filter)\/[^/]+_([0-9a-f]+)\.pf_(fragment|index|filter)$/.exec(
    name,
  );
  return match && match[1] === match[3] ? match[2]! : null;
}

/**
 * A hashed name's folder and the first digits of its hash: two files of one run that share it
 * are what Pagefind names with a longer hash.
 */
export function shortKey(name: string): string {
  return `${name.slice(0, name.indexOf('/'))}/${hashOfName(name)!.slice(0, SHORT_HASH)}`;
}

/**
 * The short keys of the names among `names` (hashed ones) that Pagefind gave a longer hash: a
 * file with one of them may have another file's bytes in another run.
 */
export function collisions(names: Iterable<string>): Set<string> {
  const keys = new Set<string>();
  for (const name of names) if (hashOfName(name)!.length > SHORT_HASH) keys.add(shortKey(name));
  return keys;
}

/** Pagefind's hash of some bytes: their SHA-1, each byte in hex without a leading zero. */
export function pagefindHash(bytes: Uint8Array): string {
  return Array.from(createHash('sha1').update(bytes).digest(), (byte) => byte.toString(16)).join(
    '',
  );
}

/** Whether a file holds what its name says: gzip of "pagefind_dcd" and bytes of that hash. */
export async function bytesMatchName(file: string, hash: string): Promise<boolean> {
  const bytes = await body(file);
  return bytes !== null && pagefindHash(bytes).startsWith(hash);
}

type Cbor = number | string | Uint8Array | boolean | null | Cbor[] | Map<Cbor, Cbor>;

/** A small CBOR reader (RFC 8949) for what Pagefind writes: no indefinite lengths, no floats. */
function cborReader(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  const need = (n: number) => {
    if (at + n > bytes.length) throw new Error('CBOR cut short');
  };
  const argument = (info: number): number => {
    if (info < 24) return info;
    const size = [1, 2, 4, 8][info - 24];
    if (size === undefined) throw new Error(`CBOR argument ${info} is not read here`);
    need(size);
    let value: number;
    if (size === 1) value = view.getUint8(at);
    else if (size === 2) value = view.getUint16(at);
    else if (size === 4) value = view.getUint32(at);
    else {
      const big = view.getBigUint64(at);
      if (big > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error('CBOR number too large');
      value = Number(big);
    }
    at += size;
    return value;
  };
  /** The next item's major type and argument (its value, length or count). */
  const head = (): { major: number; value: number } => {
    need(1);
    const first = bytes[at++]!;
    const major = first >> 5;
    const info = first & 31;
    if (major === 7) {
      if (info >= 20 && info <= 22) return { major, value: info };
      throw new Error(`CBOR simple value ${info} is not read here`);
    }
    return { major, value: argument(info) };
  };
  const item = (depth: number): Cbor => {
    if (depth > 64) throw new Error('CBOR nested too deep');
    const { major, value } = head();
    switch (major) {
      case 0:
        return value;
      case 1:
        return -1 - value;
      case 2:
      case 3: {
        need(value);
        const slice = bytes.subarray(at, at + value);
        at += value;
        return major === 2 ? slice : new TextDecoder('utf-8', { fatal: true }).decode(slice);
      }
      case 4: {
        const list: Cbor[] = [];
        for (let i = 0; i < value; i++) list.push(item(depth + 1));
        return list;
      }
      case 5: {
        const map = new Map<Cbor, Cbor>();
        for (let i = 0; i < value; i++) map.set(item(depth + 1), item(depth + 1));
        return map;
      }
      case 6:
        return item(depth + 1);
      default:
        return value === 20 ? false : value === 21 ? true : null;
    }
  };
  return { head, item, done: () => at === bytes.length };
}

/** The value of some CBOR bytes, which must hold exactly one. */
export function decodeCbor(bytes: Uint8Array): Cbor {
  const reader = cborReader(bytes);
  const value = reader.item(0);
  if (!reader.done()) throw new Error('CBOR has bytes after its value');
  return value;
}

/** A compressed file of Pagefind's, uncompressed and without its "pagefind_dcd"; null if not one. */
async function body(file: string): Promise<Buffer | null> {
  try {
    const bytes = gunzipSync(await readFile(file));
    return bytes.subarray(0, MAGIC.length).equals(MAGIC) ? bytes.subarray(MAGIC.length) : null;
  } catch {
    return null;
  }
}

/** What a language's metadata file names. */
export interface IndexFiles {
  /** Every fragment, word index chunk and filter index, as paths relative to the index folder. */
  files: Set<string>;
  /** Per word index chunk, the start of its first word. */
  chunkStarts: Map<string, string>;
}

/** What the metadata file `meta` names; null when the file is not as Pagefind 1.x writes it. */
export async function filesNamedBy(meta: string): Promise<IndexFiles | null> {
  try {
    const bytes = await body(meta);
    if (!bytes) return null;
    // [version, pages: [hash, word count, group]…, chunks: [from, to, hash]…, filters: [name, hash]…, …]
    const index = decodeCbor(bytes);
    if (!Array.isArray(index) || index.length < 4) return null;
    const [, pages, chunks, filters] = index;
    if (!Array.isArray(pages) || !Array.isArray(chunks) || !Array.isArray(filters)) return null;
    const files = new Set<string>();
    const chunkStarts = new Map<string, string>();
    const add = (folder: string, hash: Cbor | undefined) => {
      const name = `${folder}/${String(hash)}.pf_${folder}`;
      if (typeof hash !== 'string' || hashOfName(name) === null) throw new Error(name);
      files.add(name);
      return name;
    };
    for (const page of pages) {
      // Fragments bundled in groups (Pagefind's max_fragments, not used here) are not read.
      if (!Array.isArray(page) || (page[2] !== undefined && page[2] !== '')) return null;
      add('fragment', page[0]);
    }
    for (const chunk of chunks) {
      if (!Array.isArray(chunk) || typeof chunk[0] !== 'string') return null;
      chunkStarts.set(add('index', chunk[2]), chunk[0]);
    }
    for (const filter of filters) add('filter', Array.isArray(filter) ? filter[1] : undefined);
    return { files, chunkStarts };
  } catch {
    return null;
  }
}

/**
 * The first word of a word index chunk (CBOR: [[[word, pages, variants], …]]), read without the
 * rest; null when the file is not one.
 */
export async function firstWordOf(chunk: string): Promise<string | null> {
  try {
    const bytes = await body(chunk);
    if (!bytes) return null;
    const reader = cborReader(bytes);
    for (let depth = 0; depth < 3; depth++) {
      const { major, value } = reader.head();
      if (major !== 4 || value < 1) return null;
    }
    const word = reader.item(0);
    return typeof word === 'string' ? word : null;
  } catch {
    return null;
  }
}
