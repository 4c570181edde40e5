import { systemHostResolver } from './guarded-lookup';
import { peerAgents } from './peer-agents';

describe('peerAgents', () => {
  // Node lets NODE_TLS_REJECT_UNAUTHORIZED=0 switch verification off only where the option is left unset.
  it('sets rejectUnauthorized explicitly, with or without a CA', () => {
    expect(peerAgents({ allowLoopback: false }, systemHostResolver).httpsAgent.options.rejectUnauthorized).toBe(true);
    const withCa = peerAgents({ allowLoopback: false }, systemHostResolver, { ca: ['-----BEGIN CERTIFICATE-----'] }).httpsAgent;
    expect(withCa.options).toMatchObject({ rejectUnauthorized: true, ca: ['-----BEGIN CERTIFICATE-----'] });
  });
});
