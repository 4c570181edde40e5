import { LOCAL_SWARM_NODE_CLI } from './node-cli';

describe('LOCAL_SWARM_NODE_CLI', () => {
  it('listens with --host and --port', () => {
    expect(LOCAL_SWARM_NODE_CLI.addressArgs('10.77.1.2', 17615)).toEqual(['--host', '10.77.1.2', '--port', '17615']);
  });
  it('is ready once the banner shows the listening URL and the API line', () => {
    const logs = '{"level":30,"msg":"loading model"}\n';
    const listening = 'Local Swarm 0.1.0\n  listening  http://10.77.1.2:17615  (requested host)\n';
    expect(LOCAL_SWARM_NODE_CLI.isReady(logs)).toBe(false);
    expect(LOCAL_SWARM_NODE_CLI.isReady(logs + listening)).toBe(false);
    expect(LOCAL_SWARM_NODE_CLI.isReady(`${logs}${listening}  API        http://10.77.1.2:17615/v1\n`)).toBe(true);
  });
  it('ignores "listening" inside a JSON log line', () => {
    expect(LOCAL_SWARM_NODE_CLI.isReady('{"msg":"stopped listening http://10.0.0.1:1"}\n  API x\n')).toBe(false);
  });
});
