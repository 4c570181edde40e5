#!/usr/bin/env node
// Entry point of `npx local-swarm` and `nx serve swarm-node`: runs the compiled node.
require('../dist/main.js');
