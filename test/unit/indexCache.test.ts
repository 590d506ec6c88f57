/**
 * Where the workspace index is kept when the client names no folder: each platform's
 * cache folder, as other language servers use it (server/src/lsp/indexCache.ts). The
 * cache itself is tested through the server (test/protocol/indexCache.test.ts).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultCacheFolder } from '../../server/src/cacheFolder';
import { sameStamp } from '../../server/src/lsp/indexCache';

describe('the default cache folder', () => {
  it('follows XDG on Linux, and ~/.cache without it or with a relative one', () => {
    expect(defaultCacheFolder({ XDG_CACHE_HOME: '/srv/cache' }, 'linux', '/home/ana')).toBe(join('/srv/cache', 'crp-cite'));
    expect(defaultCacheFolder({}, 'linux', '/home/ana')).toBe(join('/home/ana', '.cache', 'crp-cite'));
    expect(defaultCacheFolder({ XDG_CACHE_HOME: 'cache' }, 'linux', '/home/ana')).toBe(join('/home/ana', '.cache', 'crp-cite'));
  });

  it('uses Library/Caches on macOS and LOCALAPPDATA on Windows; none without a home', () => {
    expect(defaultCacheFolder({}, 'darwin', '/Users/ana')).toBe(join('/Users/ana', 'Library', 'Caches', 'crp-cite'));
    expect(defaultCacheFolder({ LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local' }, 'win32', 'C:\\Users\\ana')).toBe(join('C:\\Users\\ana\\AppData\\Local', 'crp-cite', 'Cache'));
    expect(defaultCacheFolder({}, 'win32', 'C:\\Users\\ana')).toBeUndefined();
    expect(defaultCacheFolder({}, 'linux', '')).toBeUndefined();
  });

  it('takes a file as unchanged only with the same size and time', () => {
    expect(sameStamp({ size: 10, mtimeMs: 1.5 }, { size: 10, mtimeMs: 1.5 })).toBe(true);
    expect(sameStamp({ size: 10, mtimeMs: 1.5 }, { size: 11, mtimeMs: 1.5 })).toBe(false);
    expect(sameStamp({ size: 10, mtimeMs: 1.5 }, { size: 10, mtimeMs: 2 })).toBe(false);
  });
});
