// Test support shared by this lib's specs and the app's peers specs (never part of the build).
export { peerHealthWire, peerLoadWire, peerVoteWire, startHealthyPeer, startOpenAiServer, voteResponseWire, waitFor } from './peer-fixtures';
export { closedPort, sendJson, sendText, stall, startTestHttpServer, type RecordedRequest, type TestHandler, type TestHttpServer } from './test-http-server';
