import type { HealthProbe, MdnsSurvey, MdnsSurveyOptions, ServiceBlockReason } from '@local-swarm/discovery';
import type { InterfaceFlagsReader, NetworkInterfaceTable, RouteTableSources } from '@local-swarm/net-binding';
import type { OwnBlockList } from '../pairing/own-block-list';

/** Everything doctor reads from the machine and the network; specs pass fakes. */
export interface DoctorProbes {
  readonly interfaces: () => NetworkInterfaceTable;
  readonly readFlags: InterfaceFlagsReader;
  readonly routes: RouteTableSources;
  readonly survey: (options: MdnsSurveyOptions) => Promise<MdnsSurvey>;
  readonly checkHealth: HealthProbe;
  readonly now: () => number;
  /** A fresh node id for the probe service, never this node's own. */
  readonly probeNodeId: () => string;
  /** This node's pairing key id; null while it has none. */
  readonly ownKeyId: string | null;
  /** Why pairing would refuse a service of another swarm. */
  readonly blockReasons: readonly ServiceBlockReason[];
  /** The node ids this machine's node refuses (its config dir's blocked.json). */
  readonly blockList: OwnBlockList;
}
