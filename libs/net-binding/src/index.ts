export type { AddressClass } from './address/address-class';
export { classifyAddress } from './address/classify-address';
export {
  isTrustedClient,
  isTunnelInterface,
  TUNNEL_INTERFACE_PREFIXES,
  type ClientConnection,
  type TrustedClientOptions,
} from './address/is-trusted-client';
export { isTrustedClientAddress, TRUSTED_CLIENT_CLASSES } from './address/is-trusted-client-address';
export { isThisMachineAddress } from './address/is-this-machine-address';
export { sameAddress } from './address/same-address';
export type { BindChoice, BindResult, NetworkInterfaceTable } from './bind/bind-choice';
export { chooseBindAddress, type ChooseBindAddressOptions } from './bind/choose-bind-address';
export { interfaceNameForAddress } from './bind/interface-name-for-address';
export { NetBindingErrorCode, type NetBindingError } from './errors/net-binding-error';
export { HostAllowList, type HostAllowListOptions } from './host/host-allow-list';
export { normalizeHostName } from './host/normalize-host-name';
export { parseHostHeader } from './host/parse-host-header';
export { checkBindAddress, type BindAddressCheckOptions, type BindAddressReport } from './doctor/check-bind-address';
export { checkMulticastRoute, type RouteTableSources } from './doctor/check-multicast-route';
export { describeInterfaces, parseInterfaceFlags } from './doctor/describe-interfaces';
export { doctorCheck, type DoctorCheck, type DoctorStatus } from './doctor/doctor-check';
export type { InterfaceAddressReport, InterfaceFlagsReader, InterfaceReport } from './doctor/interface-report';
export { parseIpRoute } from './doctor/parse-ip-route';
export { parseProcNetRoute } from './doctor/parse-proc-net-route';
export { carriesMulticast, type RouteEntry } from './doctor/route-entry';
