import { mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { existsSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { mirrorFolder } from '../../src/platform/output/mirror.ts';
import { listTree } from '../../src/platform/output/tree.ts';
import { scratchFolder } from '../../src/integrations/pagefind.ts';

/** A file's signature as the mirror's memo records it. */
async function signature(path: string): Promise<string> {
  const info = await stat(path, { bigint: true });
  return `${info.size}:${info.mtimeNs}:${info.ctimeNs}:${info.ino}`;
}

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'mirror-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), text);
  }
  return dir;
}

/** Every file under `dir`, relative, with its text. */
async function contents(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const file of (await listTree(dir)).files)
    out[file.slice(dir.length + 1)] = await readFile(file, 'utf8');
  return out;
}

describe('mirroring a folder into the build output', () => {
  it('writes only what differs, removes what is gone, and ends equal to the source', async () => {
    const from = await folder({
      'entry.json': '{"v":2}',
      'fragment/a.pf': 'same',
      'fragment/new.pf': 'new',
      'index/b.pf': 'same size 1',
      'x/y': 'a file where a folder was',
    });
    const to = await folder({
      'entry.json': '{"v":1}',
      'fragment/a.pf': 'same',
      'fragment/old.pf': 'old',
      'index/b.pf': 'same size 2',
      'stale/deep/c.pf': 'old',
      'x/y/z': 'a folder where a file is now',
    });
    const kept = await stat(join(to, 'fragment/a.pf'));

    const result = await mirrorFolder(from, to);

    expect(await contents(to)).toEqual(await contents(from));
    expect(result).toEqual({ written: 4, removed: 3, kept: 1 });
    // The unchanged file was not written again, and emptied folders are gone.
    const after = await stat(join(to, 'fragment/a.pf'));
    expect([after.ino, after.mtimeMs]).toEqual([kept.ino, kept.mtimeMs]);
    expect(existsSync(join(to, 'stale'))).toBe(false);
  });

  it('creates the target when it does not exist yet', async () => {
    const from = await folder({ 'a.txt': 'a', 'b/c.txt': 'c' });
    const parent = await folder({});
    const to = join(parent, 'pagefind');
    expect(await mirrorFolder(from, to)).toEqual({ written: 2, removed: 0, kept: 0 });
    expect(await contents(to)).toEqual({ 'a.txt': 'a', 'b/c.txt': 'c' });
  });

  it('mirrors the union of several folders, leaving out what is skipped', async () => {
    const en = await folder({ 'entry.json': '{"en":1}', 'shared.js': 'js', 'fragment/en_1': 'a' });
    const id = await folder({ 'entry.json': '{"id":1}', 'shared.js': 'js', 'fragment/id_1': 'b' });
    const merged = await folder({ 'entry.json': '{"en":1,"id":1}' });
    const to = await folder({ 'fragment/id_0': 'old', 'shared.js': 'js' });
    const result = await mirrorFolder([merged, en, id], to, {
      skip: (name, source) => name === 'entry.json' && source !== merged,
    });
    expect(await contents(to)).toEqual({
      'entry.json': '{"en":1,"id":1}',
      'fragment/en_1': 'a',
      'fragment/id_1': 'b',
      'shared.js': 'js',
    });
    expect(result).toEqual({ written: 3, removed: 1, kept: 1 });

    // Two folders that disagree on a file they both have: nothing is chosen, nothing changes.
    const other = await folder({ 'shared.js': 'another js' });
    const before = await contents(to);
    await expect(
      mirrorFolder([en, other], to, { skip: (name) => name === 'entry.json' }),
    ).rejects.toThrow(/shared\.js .*differ/);
    expect(await contents(to)).toEqual(before);
  });

  it('remembers the pairs it made equal, and compares a pair again once either file changed', async () => {
    const from = await folder({ 'a.pf': 'aaaa', 'b/c.pf': 'cccc', 'd.pf': 'dddd' });
    const to = await folder({});
    const memo = join(await folder({}), 'mirror.json');
    expect(await mirrorFolder(from, to, { memo })).toEqual({ written: 3, removed: 0, kept: 0 });
    const remembered = JSON.parse(await readFile(memo, 'utf8'));
    expect(remembered.to).toBe(to);
    expect(Object.keys(remembered.files).sort()).toEqual(['a.pf', 'b/c.pf', 'd.pf']);
    expect(await mirrorFolder(from, to, { memo })).toEqual({ written: 0, removed: 0, kept: 3 });

    // Same sizes, same modification times: only the bytes and the change times differ.
    const past = new Date('2026-01-01T00:00:00Z');
    for (const file of [join(to, 'a.pf'), join(from, 'b/c.pf')]) await utimes(file, past, past);
    expect(await mirrorFolder(from, to, { memo })).toEqual({ written: 0, removed: 0, kept: 3 });
    await writeFile(join(to, 'a.pf'), 'xxxx');
    await writeFile(join(from, 'b/c.pf'), 'CCCC');
    for (const file of [join(to, 'a.pf'), join(from, 'b/c.pf')]) await utimes(file, past, past);
    expect(await mirrorFolder(from, to, { memo })).toEqual({ written: 2, removed: 0, kept: 1 });
    expect(await contents(to)).toEqual(await contents(from));

    // A memo is trusted only for its own target and sources. A pair that differs, with a memo
    // that holds the two files' signatures as they are now, is left alone...
    await writeFile(join(to, 'd.pf'), 'zzzz');
    const made = async (memoTo: string, source: string) =>
      writeFile(
        memo,
        JSON.stringify({
          to: memoTo,
          files: {
            'd.pf': [
              source,
              await signature(join(from, 'd.pf')),
              await signature(join(to, 'd.pf')),
            ],
          },
        }),
      );
    await made(to, join(from, 'd.pf'));
    expect((await mirrorFolder(from, to, { memo })).written).toBe(0);
    expect(await readFile(join(to, 'd.pf'), 'utf8')).toBe('zzzz');
    // ...but not with a memo of another folder, or of another source, or one that cannot be read.
    await made(join(to, 'other'), join(from, 'd.pf'));
    expect((await mirrorFolder(from, to, { memo })).written).toBe(1);
    await writeFile(join(to, 'd.pf'), 'zzzz');
    await made(to, join(from, 'elsewhere.pf'));
    expect((await mirrorFolder(from, to, { memo })).written).toBe(1);
    await writeFile(join(to, 'd.pf'), 'yyyy');
    await writeFile(memo, '{ not json');
    expect((await mirrorFolder(from, to, { memo })).written).toBe(1);
    expect(await contents(to)).toEqual(await contents(from));
  });

  it('links new files to their source, and replaces a changed file without touching its other name', async () => {
    const kept = await folder({ 'fragment/a.pf': 'aaaa', 'b.pf': 'bbbb' });
    const site = await folder({});
    const memo = join(await folder({}), 'mirror.json');
    expect(await mirrorFolder(kept, site, { memo, link: true })).toEqual({
      written: 2,
      removed: 0,
      kept: 0,
    });
    const [a, b] = await Promise.all([stat(join(kept, 'b.pf')), stat(join(site, 'b.pf'))]);
    expect([b.ino, b.nlink]).toEqual([a.ino, 2]);
    // The link changed the source's change time: the memo holds both names as they are now, so
    // the next mirror reads neither.
    expect(await mirrorFolder(kept, site, { memo, link: true })).toEqual({
      written: 0,
      removed: 0,
      kept: 2,
    });

    // New bytes reach the kept folder through a mirror of its own (as a new index does): the
    // site's name of the old file keeps the old bytes until the site is mirrored.
    const fresh = await folder({ 'fragment/a.pf': 'aaaa', 'b.pf': 'BBBB' });
    expect((await mirrorFolder(fresh, kept)).written).toBe(1);
    expect(await readFile(join(site, 'b.pf'), 'utf8')).toBe('bbbb');
    expect((await stat(join(kept, 'b.pf'))).nlink).toBe(1);
    expect(await mirrorFolder(kept, site, { memo, link: true })).toEqual({
      written: 1,
      removed: 0,
      kept: 1,
    });
    expect(await contents(site)).toEqual({ 'b.pf': 'BBBB', 'fragment/a.pf': 'aaaa' });
    // A file that differs is replaced, not written where it lies: nothing is left beside it.
    expect((await listTree(site)).files.map((f) => f.slice(site.length + 1)).sort()).toEqual([
      'b.pf',
      'fragment/a.pf',
    ]);
    // A linked file in the site replaced from another source leaves the kept file's bytes as
    // they were (a write where the file lies would change both names).
    const other = await folder({ 'fragment/a.pf': 'AAAA', 'b.pf': 'BBBB' });
    expect((await stat(join(site, 'fragment/a.pf'))).nlink).toBe(2);
    expect((await mirrorFolder(other, site, { link: true })).written).toBe(1);
    expect(await readFile(join(site, 'fragment/a.pf'), 'utf8')).toBe('AAAA');
    expect(await readFile(join(kept, 'fragment/a.pf'), 'utf8')).toBe('aaaa');
    // Without `link`, a new file is a copy of its own.
    const copied = await folder({});
    await mirrorFolder(kept, copied);
    expect((await stat(join(copied, 'b.pf'))).ino).not.toBe((await stat(join(kept, 'b.pf'))).ino);
  });

  it('takes a file named by its bytes as equal to one of the same name and size, and no other', async () => {
    const from = await folder({
      'fragment/id_abc.pf_fragment': 'new!',
      'fragment/id_def.pf_fragment': 'longer',
      'entry.json': 'new!',
    });
    const to = await folder({
      'fragment/id_abc.pf_fragment': 'old!',
      'fragment/id_def.pf_fragment': 'short',
      'entry.json': 'old!',
    });
    const named = (name: string) => name.startsWith('fragment/');
    expect(await mirrorFolder(from, to, { named })).toEqual({ written: 2, removed: 0, kept: 1 });
    // Same name and size: left as it was, unread; another size, or a name not given, is written.
    expect(await contents(to)).toEqual({
      'entry.json': 'new!',
      'fragment/id_abc.pf_fragment': 'old!',
      'fragment/id_def.pf_fragment': 'longer',
    });
    expect(await mirrorFolder(from, to)).toEqual({ written: 1, removed: 0, kept: 2 });
    expect(await contents(to)).toEqual(await contents(from));
  });

  it('writes the files named last after all the others', async () => {
    const others = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`${i}.pf`, `${i}`]));
    const from = await folder({ 'entry.json': '{}', 'b.pf_meta': 'm', ...others });
    const to = await folder({});
    // The order in which the files appear in the target, as the system reports it.
    const order: string[] = [];
    const watcher = watch(to, (_event, name) => {
      if (name && !order.includes(String(name))) order.push(String(name));
    });
    onTestFinished(() => watcher.close());
    await mirrorFolder(from, to, {
      last: (name) => name === 'entry.json' || name.endsWith('.pf_meta'),
    });
    await expect.poll(() => order.length).toBe(14);
    expect(order.slice(12).sort()).toEqual(['b.pf_meta', 'entry.json']);
  });

  it("puts Pagefind's scratch output in memory, or beside the index where there is no room there", async () => {
    const site = await folder({});
    const memory = await folder({});
    const inMemory = await scratchFolder(join(site, 'pagefind'), [join(memory, 'missing'), memory]);
    expect(dirname(inMemory)).toBe(memory);
    const beside = await scratchFolder(join(site, 'pagefind'), [join(memory, 'missing')]);
    expect(dirname(beside)).toBe(site);
    expect(beside.startsWith(join(site, 'pagefind.new-'))).toBe(true);
    // A memory folder without room for the index (a Docker container's 64 MB) is passed over.
    const full = await scratchFolder(join(site, 'pagefind'), [memory], Number.MAX_SAFE_INTEGER);
    expect(dirname(full)).toBe(site);
  });
});
