/**
 * Where crp-cite keeps what it can build again (the workspace index, the server's
 * compiled code) when the client names no folder: the platform's cache folder, as other
 * language servers use it. Imports nothing of crp-cite: dist/server.js's loader uses it
 * before the server's bundle is loaded.
 */
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

export function defaultCacheFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string | undefined {
  if (platform === 'win32') return env.LOCALAPPDATA ? join(env.LOCALAPPDATA, 'crp-cite', 'Cache') : undefined;
  if (platform === 'darwin') return home ? join(home, 'Library', 'Caches', 'crp-cite') : undefined;
  if (env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME)) return join(env.XDG_CACHE_HOME, 'crp-cite');
  return home ? join(home, '.cache', 'crp-cite') : undefined;
}
