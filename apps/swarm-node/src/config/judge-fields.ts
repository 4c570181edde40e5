import { field } from './field-spec';
import { matching } from './text-kinds';
import { orNull } from './value-kinds';

/**
 * Who judges the `judge` / `judge_merge` strategies (config file block `federation:`). Node ids
 * follow `nodeIdPattern`, passed in because node-fields.ts, which defines it, spreads these in.
 */
export function judgeFields(nodeIdPattern: RegExp) {
  return {
    /**
     * Node id of the peer that judges (typically the swarm's strongest machine); null: this node's
     * own model. A judge peer that is unknown, unhealthy or fails leaves the judging to this node.
     */
    judgePeer: field(orNull(matching(nodeIdPattern, "a peer's node id (1-64 of A-Z a-z 0-9 . _ -)")), {
      default: null,
      cli: {
        flags: '--judge-peer <node id>',
        help: 'peer that judges the judge / judge_merge strategies (this node if it fails)',
        defaultHelp: 'this node',
        requiresFederation: true,
      },
    }),
  };
}
