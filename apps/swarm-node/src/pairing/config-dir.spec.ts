import { configDirOf, resolveConfigDir } from './config-dir';

describe('resolveConfigDir', () => {
  it('takes the setting first, then $XDG_CONFIG_HOME/local-swarm, then ~/.config/local-swarm', () => {
    expect(resolveConfigDir({ configured: '/srv/node-a', xdgConfigHome: '/x', home: '/home/u' })).toBe('/srv/node-a');
    expect(resolveConfigDir({ configured: null, xdgConfigHome: '/x', home: '/home/u' })).toBe('/x/local-swarm');
    expect(resolveConfigDir({ configured: null, xdgConfigHome: undefined, home: '/home/u' })).toBe('/home/u/.config/local-swarm');
  });

  it('ignores an empty or relative XDG_CONFIG_HOME, as the XDG specification asks', () => {
    expect(resolveConfigDir({ configured: null, xdgConfigHome: '', home: '/home/u' })).toBe('/home/u/.config/local-swarm');
    expect(resolveConfigDir({ configured: null, xdgConfigHome: 'rel', home: '/home/u' })).toBe('/home/u/.config/local-swarm');
  });

  it('reads LOCAL_SWARM_CONFIG_DIR before XDG_CONFIG_HOME when no flag is given', () => {
    expect(configDirOf(null, { LOCAL_SWARM_CONFIG_DIR: '/env/dir', XDG_CONFIG_HOME: '/x' })).toBe('/env/dir');
    expect(configDirOf('/flag', { LOCAL_SWARM_CONFIG_DIR: '/env/dir' })).toBe('/flag');
    expect(configDirOf(null, { XDG_CONFIG_HOME: '/x' })).toBe('/x/local-swarm');
  });
});
